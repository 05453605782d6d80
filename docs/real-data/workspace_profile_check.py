# Independent check of a cevns profile-likelihood scan of mu against the exported pyhf workspace, evaluated in numpy
# (not part of cevns; needs numpy and scipy; no pyhf). Every channel of the workspace (one for analyze's export of
# CENNS-10, one per EXPERIMENT.CHANNEL for combine --joint's); normfactor mu on the signal, normfactors for the
# free norms (within their bounds); normsys (code 4) and histosys (code 4p) with one unit Gaussian prior per
# parameter name, however many channels carry it (pyhf shares a parameter by name); staterror as pyhf reads it, a
# factor gamma per bin, Gaussian of relative width sqrt(sum err^2)/sum nominal, profiled per bin in closed form.
#   bin/cevns analyze configs/coherent-lar.yaml -i lar-data.parquet -o lar-fit --seed 1
#   bin/cevns scan configs/coherent-lar.yaml -i lar-data.parquet -o lar-scan --poi mu=0:3:31 --seed 1
#   python3 docs/real-data/workspace_profile_check.py lar-fit/workspace.json lar-scan/scan.csv pyhf
#   python3 docs/real-data/workspace_profile_check.py lar-fit/workspace.json lar-scan/scan.csv cevns
#   python3 docs/real-data/workspace_profile_check.py j-mu/workspace.json j-mu/scan.csv cevns   # combine --joint
# 'pyhf' reads the workspace as pyhf does (a constrained background norm exported as a histosys adds sigma*alpha*T);
# 'cevns' multiplies the sample, its shape terms included, by theta = 1 + sigma*alpha, as cevns's likelihood does,
# and clips a sample's content at 0 (docs/physics.md, "Systematic uncertainties in the fit"). The constrained norms
# are the histosys parameters the measurement lists with bounds. An optional 4th argument N checks every N-th row.
import csv, json, sys
import numpy as np
from scipy.optimize import minimize

ws = json.load(open(sys.argv[1]))
rule = sys.argv[3] if len(sys.argv) > 3 else 'pyhf'
every = int(sys.argv[4]) if len(sys.argv) > 4 else 1
config = ws['measurements'][0]['config']
bounds = {p['name']: tuple(p['bounds'][0]) for p in config['parameters'] if 'bounds' in p}
auxdata = {p['name']: p['auxdata'][0] for p in config['parameters'] if 'auxdata' in p}
observed = {o['name']: np.array(o['data'], float) for o in ws['observations']}
mods = [m for c in ws['channels'] for s in c['samples'] for m in s['modifiers']]
alphas = list(dict.fromkeys(m['name'] for m in mods if m['type'] in ('normsys', 'histosys')))
factors = list(dict.fromkeys(m['name'] for m in mods if m['type'] == 'normfactor' and m['name'] != 'mu'))
names = alphas + factors
index = {a: i for i, a in enumerate(names)}
norms = {a for a in alphas if a in bounds}  # constrained norms: histosys with bounds in the measurement
aux = np.array([auxdata.get(a, 0.0) for a in alphas])


def code4_coefficients(hi, lo):
    lh, ll = np.log(hi), np.log(lo)
    b = np.array([hi - 1, lo - 1, lh * hi, -ll * lo, lh * lh * hi, ll * ll * lo])
    m = np.array([[a ** k for k in range(1, 7)] for a in (1, -1)]
                 + [[k * a ** (k - 1) for k in range(1, 7)] for a in (1, -1)]
                 + [[k * (k - 1) * a ** (k - 2) for k in range(1, 7)] for a in (1, -1)])
    return np.linalg.solve(m, b)


def code4(a, hi, lo, coef):
    if a >= 1:
        return hi ** a
    if a <= -1:
        return lo ** (-a)
    return 1 + sum(c * a ** (k + 1) for k, c in enumerate(coef))


def code4p(a, up, dn):
    if abs(a) > 1:
        return a * (up if a > 0 else dn)
    s, d = (up + dn) / 2, (up - dn) / 16
    return a * (s + a * d * (15 - 10 * a * a + 3 * a ** 4))


channels = []
for ch in ws['channels']:
    n = observed[ch['name']]
    samples, err2, nominal = [], np.zeros_like(n), np.zeros_like(n)
    for s in ch['samples']:
        t = np.array(s['data'], float)
        nominal += t
        parts = []
        for m in s['modifiers']:
            k = m['type']
            if k == 'normfactor':
                parts.append(('mu', None, None, None) if m['name'] == 'mu' else ('factor', index[m['name']], None, None))
            elif k == 'normsys':
                hi, lo = m['data']['hi'], m['data']['lo']
                parts.append(('normsys', index[m['name']], (hi, lo), code4_coefficients(hi, lo)))
            elif k == 'histosys':
                up, dn = np.array(m['data']['hi_data']) - t, t - np.array(m['data']['lo_data'])
                if rule == 'cevns' and m['name'] in norms:
                    sigma = up[np.argmax(t)] / t[np.argmax(t)]
                    parts.append(('theta', index[m['name']], sigma, None))
                else:
                    parts.append(('histosys', index[m['name']], up, dn))
            elif k == 'staterror':
                err2 += np.array(m['data']) ** 2
        samples.append((t, parts))
    delta = np.divide(np.sqrt(err2), nominal, out=np.zeros_like(n), where=nominal > 0)
    channels.append((n, samples, delta))


def deviance(mu, x):
    d = np.sum((x[:len(alphas)] - aux) ** 2)
    for n, samples, delta in channels:
        nu = np.zeros_like(n)
        for t, parts in samples:
            c, f = t.copy(), 1.0
            for kind, k, p, q in parts:
                if kind == 'mu':
                    f *= mu
                elif kind == 'factor':
                    f *= x[k]
                elif kind == 'normsys':
                    f *= code4(x[k], p[0], p[1], q)
                elif kind == 'theta':
                    f *= 1 + p * x[k]
                else:
                    c = c + code4p(x[k], p, q)
            nu += f * (np.clip(c, 0, None) if rule == 'cevns' else c)
        nu = np.maximum(nu, 1e-300)
        d2 = delta ** 2
        # gamma: positive root of g^2 + (nu d^2 - 1) g - n d^2 = 0 (the minimum of the bin's Poisson + Gaussian term)
        g = np.where(d2 > 0, (-(nu * d2 - 1) + np.sqrt((nu * d2 - 1) ** 2 + 4 * n * d2)) / 2, 1.0)
        lam = g * nu
        sat = np.where(n > 0, n * np.log(np.where(n > 0, n, 1)) - n, 0)
        d += 2 * np.sum(lam - n * np.log(lam) + sat) + np.sum(np.where(d2 > 0, (g - 1) ** 2 / np.where(d2 > 0, d2, 1), 0))
    return d


box = [bounds.get(a, (-5, 5)) for a in names]
x0 = np.array([0.0] * len(alphas) + [1.0] * len(factors))
opts = {'maxiter': 20000, 'ftol': 1e-15, 'gtol': 1e-10}
mu_box = bounds.get('mu', (0, 10))
best = minimize(lambda x: deviance(x[0], x[1:]), np.r_[1.0, x0], method='L-BFGS-B', bounds=[mu_box] + box,
                options=opts)
print('%s rule: %d channels, %d parameters; mu_hat %.4f, deviance %.4f'
      % (rule, len(channels), len(names) + 1, best.x[0], best.fun))
rows = [(float(r['mu']), float(r['delta_chi2'])) for r in csv.DictReader(open(sys.argv[2]))][::every]
prof = []
for mu, _ in rows:
    r = min((minimize(lambda a: deviance(mu, a), start, method='L-BFGS-B', bounds=box, options=opts)
             for start in (best.x[1:], x0)), key=lambda r: r.fun)
    prof.append(r.fun)
low = min(min(prof), best.fun)
print('mu     numpy    cevns    numpy - cevns')
for (mu, c), f in zip(rows, prof):
    print('%.3f  %7.4f  %7.4f  %+.4f' % (mu, f - low, c, f - low - c))
