"""Writes the correction families of families.json as corrections files (docs/corrections.md): each training sentence run
through the shipped blob (`saffu run --json`), written as the pulled decision-log record the device would have logged, with
verdict `ok` when it was right and `corrected` (intent, slots, slot_words) when not; the held-out variants as plain JSONL.
Usage: make-corrections.py MODEL_HASH [SAFFU_DLL] [BLOB]   (MODEL_HASH: the blob's content hash, as the device logs it;
defaults: the Release saffu.dll and models/lights/lights.blob of this repository). Writes beside this script."""
import json, os, subprocess, sys
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, '../../../..'))
os.chdir(here)
fam = json.load(open('families.json'))
seq = [0]
MODEL_HASH = sys.argv[1]
saffu = ['dotnet', sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, 'trainer-host/Saffu.Cli/bin/Release/net10.0/saffu.dll')]
blob = sys.argv[3] if len(sys.argv) > 3 else os.path.join(root, 'models/lights/lights.blob')
def rows(f, key):
    out = []
    for r in f[key]:
        if len(r) == 2: out.append((r[0], f['intent'], r[1]))
        else: out.append(tuple(r))
    return out
for name, f in fam.items():
    train = rows(f, 'train'); held = rows(f, 'heldout')
    texts = '\n'.join(t for t, _, _ in train) + '\n'
    logs = subprocess.run(saffu + ['run', '--blob', blob, '--json'], input=texts, capture_output=True, text=True, check=True).stdout.splitlines()
    with open(f'{name}.jsonl', 'w') as o:
        for (t, i, s), log in zip(train, logs):
            rec = json.loads(log)
            seq[0] += 1
            act = rec['action']
            if act is not None: act = {'kind': act['kind'], 'action': act['action'], 'reason': act['reason'], 'pins': act['pins']}
            keep = {'log_id': '5affe001', 'seq': seq[0], 'boot': 3, 'uptime_ms': 60000 + 7919 * seq[0], 'model_hash': MODEL_HASH,
                    'text': rec['text'], 'intent': rec['intent'], 'understood': rec['understood'], 'confidence': round(rec['confidence'] * 32768) / 32768,
                    'confidence_q15': round(rec['confidence'] * 32768), 'slots': rec['slots'], 'action': act, 'top': rec['top'], 'reason': rec['reason'],
                    'truncated': rec['truncated'], 'text_cut': False, 'pulled_at': '2026-12-07T01:30:00Z'}
            c = {'log': keep, 'verdict': 'corrected'}
            right = rec['understood'] and rec['intent'] == i and rec['slots'] == s
            if right: c = {'log': keep, 'verdict': 'ok'}
            else:
                if rec['intent'] != i: c['corrected_intent'] = i
                if rec['slots'] != s: c['corrected_slots'] = s
                if 'slot_words' in f and set(f['slot_words']) <= set(s): c['slot_words'] = f['slot_words']
            o.write(json.dumps(c, ensure_ascii=False, separators=(',', ':')) + '\n')
    with open(f'{name}-heldout.jsonl', 'w') as o:
        for t, i, s in held:
            o.write(json.dumps({'text': t, 'intent': i, 'slots': s}) + '\n')
