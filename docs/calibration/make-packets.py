# make-packets.py <work dir> <answers glob...>: one packet per question, answers shuffled under opaque keys.
import json, glob, random, sys, os, re
work = sys.argv[1]; files = sys.argv[2:]
os.makedirs(f'{work}/packets', exist_ok=True)
qkeys_path = f'{work}/qkeys.json'
qkeys = json.load(open(qkeys_path)) if os.path.exists(qkeys_path) else {}
by_q = {}
for f in files:
    d = json.load(open(f))
    split = d.get('set', 'tune')
    for a in d['answers']: by_q.setdefault(d['question'], []).append((split, a))
for q, items in by_q.items():
    if os.path.exists(f'{work}/packets/{q}.json'): print('exists, skipping', q); continue
    rnd = random.Random(q + '-offset')
    rnd.shuffle(items)
    prompt = open(f'/work/calib/prompts/{q}.md').read().strip()
    answers = []
    for i, (split, a) in enumerate(items):
        key = f'k{rnd.randrange(1000, 9999)}{i:02d}'
        qkeys[f'{q}|{key}'] = {'question': q, 'split': split, 'id': a['id']}
        answers.append({'key': key, 'text': a['text']})
    json.dump({'question': q, 'prompt': prompt, 'answers': answers}, open(f'{work}/packets/{q}.json', 'w'), indent=1)
    print(q, len(answers))
json.dump(qkeys, open(qkeys_path, 'w'), indent=1)
