# Merges the writers' answers and the two graders' grades into tests/fixtures/calibration/{tune,held-out}.
# The working folder (first argument, default ./calib-work) holds what the process in README.md describes:
#   answers/{tune,heldout}/<slug>.json   the writers' files     grades/<grader>/<slug>.json   the graders' files
#   packets/<slug>.json                  what graders saw       qkeys.json                     "<slug>|<key>" -> answer
#   groups.json                          questions per grader pair (G<n>a, G<n>b)   adjudication.json (optional)
# Prints the graders' agreement; --write writes the fixtures. The expected score is the mean of the two
# grades, or the adjudicator's when the two differ by more than 2 points.
import json, os, glob, statistics, sys
from agreement import spearman
C = next((a for a in sys.argv[1:] if not a.startswith('--')), 'calib-work')
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tests', 'fixtures', 'calibration')
keys=json.load(open(f'{C}/qkeys.json'))  # '<question>|<key>' -> meta (packet keys are unique per question only)
groups=json.load(open(f'{C}/groups.json'))
adj = json.load(open(f'{C}/adjudication.json')) if os.path.exists(f'{C}/adjudication.json') else {}
grader_of={}
for i,g in enumerate(groups):
    for s in g: grader_of[s]=(f'G{i+1}a',f'G{i+1}b')
grades={}
missing=[]
for s,(ga,gb) in grader_of.items():
    for g in (ga,gb):
        p=f'{C}/grades/{g}/{s}.json'
        if not os.path.exists(p): missing.append(p); continue
        for e in json.load(open(p))['grades']:
            grades.setdefault(f"{s}|{e['key']}",{})[g]={'score':e['score'],'reason':e.get('reason',''),'falseClaims':e.get('falseClaims',[])}
if missing: print('missing', missing)
# answers by (split,id)
texts={}
for split in ['tune','heldout']:
    for f in glob.glob(f'{C}/answers/{split}/*.json'):
        d=json.load(open(f))
        for a in d['answers']: texts[(split,a['id'])]={**a,'writer':d['writer']}
for f in glob.glob(os.path.join(C, 'legacy', '*.json')):  # the first, rubric-aware sets, re-graded blind
    d=json.load(open(f))
    for a in d['answers']: texts[('legacy',a['id'])]={**a,'archetype':a['voice']}
pairs=[]; disagree=[]
files={}
for k,meta in keys.items():
    g=grades.get(k,{})
    if len(g)<2: continue
    ga,gb=grader_of[meta['question']]
    s1,s2=g[ga]['score'],g[gb]['score']
    pairs.append((s1,s2,meta))
    if k in adj: expected=adj[k]['score']
    else: expected=round((s1+s2)/2,2)
    if abs(s1-s2)>2 and k not in adj: disagree.append((k,meta,s1,s2))
    t=texts[(meta['split'],meta['id'])]
    part='held-out' if meta['split']=='heldout' else 'tune'
    ans={'id':meta['id'],'archetype':t['archetype'],'text':t['text'],
         'grades':[{'grader':ga,'score':s1},{'grader':gb,'score':s2}]+([{'grader':'adjudicator','score':adj[k]['score']}] if k in adj else []),
         'expected':expected,'written':'rubric-aware' if meta['split']=='legacy' else 'blind'}
    if meta['split']!='legacy': ans['writer']=t['writer']
    if t.get('source'): ans['source']=t['source']
    files.setdefault((part,meta['question']),[]).append(ans)
x=[p[0] for p in pairs]; y=[p[1] for p in pairs]
print('pairs',len(pairs),'grader spearman %.3f'%spearman(x,y),'mean abs diff %.2f'%statistics.mean(abs(a-b) for a,b in zip(x,y)), 'disagree>2:',len(disagree))
for part in ['tune','heldout','legacy']:
    pp=[p for p in pairs if p[2]['split']==part]
    if pp: print(part,len(pp),'spearman %.3f'%spearman([p[0] for p in pp],[p[1] for p in pp]),'MAD %.2f'%statistics.mean(abs(p[0]-p[1]) for p in pp))
json.dump([{'key':k,**m,'a':a,'b':b} for k,m,a,b in disagree],open(f'{C}/disagreements.json','w'),indent=1)
if '--write' in sys.argv:
    order={}
    for (part,slug),answers in files.items():
        os.makedirs(f'{OUT}/{part}',exist_ok=True)
        answers.sort(key=lambda a:a['id'])
        json.dump({'question':slug,'part':part,'answers':answers},open(f'{OUT}/{part}/{slug}.json','w'),indent=2,ensure_ascii=False)
        open(f'{OUT}/{part}/{slug}.json','a').write('\n')
    print('wrote',len(files),'files')
