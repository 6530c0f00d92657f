# The tables of docs/ablation.md (second HWU64 sweep) from a sweep results file:
#   python3 docs/ablation/sweep-tables.py docs/ablation/hwu64-results-v2.jsonl
# Pareto front of every row, the fine-tuned rows against their explicit twins, per-knob median / best valid (and
# slurp-dev) over the dense explicit rows, the parameter correlation.
import json, sys, statistics as st, math
rows=[json.loads(l) for l in open(sys.argv[1]) if l.strip()]
# Fine-tuned low-rank rows of hwu64-results-v2.jsonl carry the valid accuracy measured before Trainer.Train truncated U
# again (fixed after that sweep); their blob's accuracy is the model's: use it.
for r in rows:
    if r['config']['fine_tune'] and r['config']['u_rank'] > 0 and r.get('blob_valid_accuracy') is not None:
        r['valid_accuracy'] = r['blob_valid_accuracy']
ex=[r for r in rows if not r['config']['fine_tune']]
ft=[r for r in rows if r['config']['fine_tune']]
def sl(r): return r['dev_accuracy'].get('slurp-dev',float('nan'))*100
def v(r): return r['valid_accuracy']*100
print(len(rows),'rows',len(ex),'explicit',len(ft),'fine-tuned')
# pareto front over all rows (valid vs bytes)
def front(rs):
    out=[];best=-1
    for r in sorted(rs,key=lambda r:(r['blob_bytes'],-r['valid_accuracy'])):
        if r['valid_accuracy']>best: out.append(r);best=r['valid_accuracy']
    return out
print('\nFRONT (all rows)')
for r in front(rows):
    print(f"| `{r['key']}` | {v(r):.2f} | {sl(r):.2f} | {r['ood_rejection']*100:.0f} | {r['blob_bytes']:,}{'*' if r['cost_estimated'] else ''} | {r['ram_bytes']:,} | {r['macs_per_word']:,} | {r['train_seconds']:.1f} |")
print('\nFINE-TUNED')
exd={r['key']:r for r in ex}
for r in sorted(ft,key=lambda r:-r['valid_accuracy']):
    e=exd.get(r['key'][:-1]+'0')
    print(f"| `{r['key']}` | {r['explicit_valid_accuracy']*100:.2f} -> {v(r):.2f} | {sl(e) if e else float('nan'):.2f} -> {sl(r):.2f} | {r['ood_rejection']*100:.0f} | {r['blob_bytes']:,}{'*' if r['cost_estimated'] else ''} | {r['train_seconds']:.1f} |")
def knob(name,f,rs):
    groups={}
    for r in rs: groups.setdefault(f(r),[]).append(r)
    parts=[]
    for k in sorted(groups,key=lambda x:str(x)):
        g=groups[k]
        parts.append(f"{k}: {st.median([v(x) for x in g]):.1f} / {max(v(x) for x in g):.1f} ({st.median([sl(x) for x in g]):.1f} / {max(sl(x) for x in g):.1f}), {len(g)}")
    print(f"| {name} | "+' · '.join(parts)+' |')
dense=[r for r in ex if r['config']['u_rank']==0]
att=[r for r in dense if r['config']['block']>0 or r['config']['radial']>0]
print('\nKNOBS (explicit dense rows: median / best valid (median / best slurp), n)')
c=lambda r:r['config']
knob('b',lambda r:c(r)['bits'],dense)
knob('U rank (all explicit)',lambda r:c(r)['u_rank'],ex)
knob('contexts',lambda r:('D' if c(r)['document'] else 'noD')+f"+B{c(r)['block']}+R{c(r)['radial']}",dense)
knob('tau_d (document)',lambda r:c(r)['tau_d'],[r for r in dense if c(r)['document']])
knob('tau_u (attention)',lambda r:c(r)['tau_u'],att)
knob('passes (attention)',lambda r:c(r)['passes'],att)
knob('epsilon',lambda r:c(r)['epsilon'],dense)
knob('prefix weight',lambda r:c(r)['prefix_weight'],dense)
knob('cooccurrence',lambda r:c(r)['cooccurrence'],dense)
knob('u bits',lambda r:c(r)['u_bits'],dense)
# params correlation
xs=[math.log10(r['parameters']) for r in dense]; ys=[v(r) for r in dense]
mx,my=st.mean(xs),st.mean(ys)
cov=sum((a-mx)*(b-my) for a,b in zip(xs,ys)); sx=math.sqrt(sum((a-mx)**2 for a in xs)); sy=math.sqrt(sum((b-my)**2 for b in ys))
print(f"\ncorr log10 params vs valid (dense explicit) {cov/sx/sy:.2f} n={len(dense)}")
print('train seconds sum',sum(r['train_seconds'] for r in rows))
for r in sorted(ex,key=lambda r:-r['valid_accuracy'])[:8]: print('top ex',r['key'],f"{v(r):.2f} {sl(r):.2f} {r['parameters']}")
for r in sorted(ex,key=lambda r:-sl(r))[:8]: print('top slurp ex',r['key'],f"{v(r):.2f} {sl(r):.2f}")
