#!/usr/bin/env python3
"""Surrogate of the coherent-csi likelihood (16 energy x 6 time bins, C and AC windows): is the median of sqrt(q0) of
Poisson toys below its Asimov value at this size? Signal 357, steady 4898 per window (one free norm shared by C and
AC), BRN 29 (+-25 %), NIN 6.8 (+-35 %); shapes made up, not cevns' templates. numpy and scipy only.

walk32 (docs/design.md, "The toys' median Z against the Asimov"): python3 scripts/toy_median_surrogate.py SEED TOYS
SCALE (SCALE multiplies every expectation: the exposure). Prints the Asimov Z and the toys' median Z with its error."""
import sys
import numpy as np
from scipy.optimize import minimize

rng = np.random.default_rng(int(sys.argv[1]) if len(sys.argv) > 1 else 1)
ntoys = int(sys.argv[2]) if len(sys.argv) > 2 else 400
scale = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
E = np.linspace(0.5, 4.5, 17); e = 0.5 * (E[1:] + E[:-1])
T = np.arange(7.0); t = 0.5 * (T[1:] + T[:-1])
def shape(fe, ft):
    s = np.outer(fe, ft); return s / s.sum()
sig = 357.5 * scale * shape(np.exp(-e / 1.2), np.exp(-t / 0.9) + 0.4 * np.exp(-t / 2.2))
brn = 29.1 * scale * shape(np.exp(-e / 3.0), np.exp(-((t - 0.8) / 0.35) ** 2) + 1e-3)
nin = 6.8 * scale * shape(np.exp(-e / 2.0), np.exp(-((t - 1.0) / 0.4) ** 2) + 1e-3)
ss = 4898 * scale * shape(np.exp(-e / 2.5) + 0.3, np.ones(6))
sig, brn, nin, ss = (x.ravel() for x in (sig, brn, nin, ss))
W = [0.25, 0.35]

def nll(p, n, m, a, mu_fixed=None):
    mu, fs, fb, fn = (mu_fixed if mu_fixed is not None else p[0]), p[-3], p[-2], p[-1]
    nuC = mu * sig + fs * ss + fb * brn + fn * nin
    nuA = fs * ss
    if np.any(nuC <= 0) or np.any(nuA <= 0):
        return 1e30
    v = np.sum(nuC - n * np.log(nuC)) + np.sum(nuA - m * np.log(nuA))
    return v + 0.5 * ((fb - a[0]) / W[0]) ** 2 + 0.5 * ((fn - a[1]) / W[1]) ** 2

def q0(n, m, a):
    free = minimize(nll, [1.0, 1.0, 1.0, 1.0], args=(n, m, a), method="Nelder-Mead",
                    options=dict(xatol=1e-7, fatol=1e-9, maxiter=20000, maxfev=40000))
    free = minimize(nll, free.x, args=(n, m, a), method="BFGS")
    best = None
    for start in ([1.0, 1.0, 1.0], [1.05, 3.0, 2.0]):
        r = minimize(nll, start, args=(n, m, a, 0.0), method="Nelder-Mead",
                     options=dict(xatol=1e-7, fatol=1e-9, maxiter=20000, maxfev=40000))
        r = minimize(nll, r.x, args=(n, m, a, 0.0), method="BFGS")
        best = r if best is None or r.fun < best.fun else best
    return max(2 * (best.fun - free.fun), 0.0), free.x[0]

nuC = sig + ss + brn + nin
zA = np.sqrt(q0(nuC, ss, [1.0, 1.0])[0])
zs, mus = [], []
for k in range(ntoys):
    n = rng.poisson(nuC); m = rng.poisson(ss)
    a = [1 + W[0] * rng.standard_normal(), 1 + W[1] * rng.standard_normal()]
    q, mu = q0(n, m, a); zs.append(np.sqrt(q)); mus.append(mu)
zs = np.array(zs); q = np.quantile(zs, [0.1587, 0.5, 0.8413])
err = np.sqrt(np.pi / 2) * (q[2] - q[0]) / 2 / np.sqrt(ntoys)
print(f"scale {scale}: Asimov Z {zA:.3f}; toys {ntoys}: median Z {q[1]:.3f} +- {err:.3f}, sigma_Z {(q[2]-q[0])/2:.3f},"
      f" mean Z {zs.mean():.3f}, median mu_hat {np.median(mus):.4f}, (median-Asimov)/err {(q[1]-zA)/err:.2f}")
