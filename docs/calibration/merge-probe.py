# merge-probe.py <work dir> <set> <out dir> [--append]: a probe set's answers and its two graders' grades as
# calibration fixtures of the tune part. The work dir holds answers/<set>/<slug>.json (the writers' files),
# packets/ and qkeys.json (make-packets.py), grades/<grader>/<slug>.json and groups.json ({"G15": [slugs…], …}:
# which grader pair, G15a and G15b, graded which questions).
#   Without --append: writes <out dir>/tune/<slug>.json holding only the probe answers, so the scorer can be
#   measured on them before anything is tuned on them (npm run -s score -- --calibrate reads a copy of the dir).
#   With --append: adds them to <out dir>/tune/<slug>.json (the real fixtures), replacing earlier answers of the set.
#   With --append --held-out: adds them to <out dir>/held-out/<slug>.json instead, for a set kept aside (probe set 4).
# Prints the graders' agreement. The expected score is the mean of the two grades; pairs more than 2 points apart
# are listed and need an adjudicator's grade in adjudication.json before --append.
import glob, json, os, statistics, sys
from agreement import spearman
work, probe, out = sys.argv[1], sys.argv[2], sys.argv[3]
append = '--append' in sys.argv
part = 'held-out' if '--held-out' in sys.argv else 'tune'
keys = json.load(open(f'{work}/qkeys.json'))
groups = json.load(open(f'{work}/groups.json'))
adj = json.load(open(f'{work}/adjudication.json')) if os.path.exists(f'{work}/adjudication.json') else {}
pair_of = {slug: (f'{g}a', f'{g}b') for g, slugs in groups.items() for slug in slugs}
texts = {}
for f in glob.glob(f'{work}/answers/{probe}/*.json'):
    d = json.load(open(f))
    for a in d['answers']: texts[a['id']] = {**a, 'writer': d['writer']}
grades = {}
for slug, pair in pair_of.items():
    for g in pair:
        p = f'{work}/grades/{g}/{slug}.json'
        if not os.path.exists(p): print('missing', p); continue
        for e in json.load(open(p))['grades']: grades.setdefault(f"{slug}|{e['key']}", {})[g] = e['score']
files, pairs, disagree = {}, [], []
for k, meta in keys.items():
    if meta['split'] != probe or meta['id'] not in texts: continue
    slug = meta['question']; ga, gb = pair_of[slug]; g = grades.get(k, {})
    if ga not in g or gb not in g: print('ungraded', k); continue
    s1, s2 = g[ga], g[gb]; pairs.append((s1, s2))
    if abs(s1 - s2) > 2 and k not in adj: disagree.append((k, s1, s2))
    t = texts[meta['id']]
    entry = {'id': t['id'], 'archetype': t['archetype'], 'text': t['text'],
             'grades': [{'grader': ga, 'score': s1}, {'grader': gb, 'score': s2}] + ([{'grader': 'adjudicator', 'score': adj[k]['score']}] if k in adj else []),
             'expected': adj[k]['score'] if k in adj else round((s1 + s2) / 2, 2), 'written': 'blind', 'writer': t['writer']}
    files.setdefault(slug, []).append(entry)
if pairs:
    rho = spearman([p[0] for p in pairs], [p[1] for p in pairs])
    print(f'{len(pairs)} answers graded twice · graders agree at Spearman {rho:.3f}, mean absolute difference {statistics.mean(abs(a - b) for a, b in pairs):.2f}, {len(disagree)} more than 2 apart')
for d in disagree: print('  needs adjudication:', *d)
if append and disagree: sys.exit('adjudicate first')
os.makedirs(f'{out}/{part}', exist_ok=True)
for slug, answers in files.items():
    path = f'{out}/{part}/{slug}.json'
    current = json.load(open(path)) if append and os.path.exists(path) else {'question': slug, 'part': part, 'answers': []}
    kept = [a for a in current['answers'] if f'-{probe}-' not in a['id']]
    current['answers'] = kept + sorted(answers, key=lambda a: a['id'])
    with open(path, 'w') as fh:
        json.dump(current, fh, indent=2, ensure_ascii=False); fh.write('\n')
print('wrote', len(files), 'files to', f'{out}/{part}')
