# Independent check of a cevns profile-likelihood scan of mu against the exported pyhf workspace, evaluated in numpy
# (not part of cevns; needs numpy and scipy; no pyhf). One channel; normfactor mu on the signal; every other
# modifier a histosys with a unit Gaussian prior, interpolated with pyhf's default code 4p, contents clipped at 0.
#   bin/cevns analyze configs/coherent-lar.yaml -i lar-data.parquet -o lar-fit --seed 1
#   bin/cevns scan configs/coherent-lar.yaml -i lar-data.parquet -o lar-scan --poi mu=0:3:31 --seed 1
#   python3 docs/real-data/workspace_profile_check.py lar-fit/workspace.json lar-scan/scan.csv pyhf
#   python3 docs/real-data/workspace_profile_check.py lar-fit/workspace.json lar-scan/scan.csv cevns
# 'pyhf' reads the workspace as pyhf does (a constrained background norm exported as a histosys adds sigma*alpha*T);
# 'cevns' multiplies the sample, its shape terms included, by theta = 1 + sigma*alpha, as cevns's likelihood does
# (docs/physics.md, "Systematic uncertainties in the fit").
import csv, json, sys
import numpy as np
from scipy.optimize import minimize

ws = json.load(open(sys.argv[1]))
rule = sys.argv[3] if len(sys.argv) > 3 else 'pyhf'
ch = ws['channels'][0]
n = np.array(ws['observations'][0]['data'], float)
names = sorted({m['name'] for s in ch['samples'] for m in s['modifiers'] if m['type'] == 'histosys'})
index = {a: i for i, a in enumerate(names)}
bounds = {p['name']: tuple(p['bounds'][0]) for p in ws['measurements'][0]['config']['parameters'] if 'bounds' in p}
samples = []
for s in ch['samples']:
    t = np.array(s['data'])
    mods = []
    for m in s['modifiers']:
        if m['type'] == 'histosys':
            up, dn = np.array(m['data']['hi_data']) - t, np.array(m['data']['lo_data']) - t
            # a constrained norm: hi = (1 + sigma) T, lo = (1 - sigma) T
            ratio = np.divide(up, t, out=np.full_like(t, np.nan), where=t > 0)
            sigma = np.nanmedian(ratio) if np.allclose(up, -dn) and np.nanstd(ratio) < 1e-9 else None
            mods.append((index[m['name']], up, dn, sigma))
    samples.append((s['name'] == 'signal', t, mods))


def code4p(a, up, dn):
    if abs(a) > 1:
        return a * (up if a > 0 else -dn)
    s, d = (up - dn) / 2, (up + dn) / 16
    return a * (s + a * d * (15 - 10 * a * a + 3 * a ** 4))


def deviance(mu, al):
    nu = np.zeros_like(n)
    for signal, t, mods in samples:
        c, theta = t.copy(), 1.0
        for k, up, dn, sigma in mods:
            if rule == 'cevns' and sigma is not None and not signal:
                theta *= 1 + sigma * al[k]
            else:
                c = c + code4p(al[k], up, dn)
        nu += (mu if signal else 1.0) * theta * np.clip(c, 0, None)
    nu = np.maximum(nu, 1e-300)
    sat = np.where(n > 0, n * np.log(np.where(n > 0, n, 1)) - n, 0)
    return 2 * np.sum(nu - n * np.log(nu) + sat) + np.sum(al ** 2)


box = [bounds.get(a, (-5, 5)) for a in names]
opts = {'maxiter': 20000, 'ftol': 1e-15, 'gtol': 1e-10}
best = minimize(lambda x: deviance(x[0], x[1:]), np.r_[1.0, np.zeros(len(names))], method='L-BFGS-B',
                bounds=[(0, 10)] + box, options=opts)
print('%s rule: mu_hat %.4f, deviance %.4f' % (rule, best.x[0], best.fun))
rows = [(float(r['mu']), float(r['delta_chi2'])) for r in csv.DictReader(open(sys.argv[2]))]
prof = []
for mu, _ in rows:
    r = min((minimize(lambda a: deviance(mu, a), x0, method='L-BFGS-B', bounds=box, options=opts)
             for x0 in (best.x[1:], np.zeros(len(names)))), key=lambda r: r.fun)
    prof.append(r.fun)
low = min(min(prof), best.fun)
print('mu     numpy    cevns    numpy - cevns')
for (mu, c), f in zip(rows, prof):
    print('%.3f  %7.4f  %7.4f  %+.4f' % (mu, f - low, c, f - low - c))
