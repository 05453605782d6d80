#!/usr/bin/env python3
"""Fits a cevns pyhf export (workspace.json) in pyhf and compares it with cevns's own fit (summary.json).

Usage: python3 scripts/pyhf_fit.py OUT/workspace.json [OUT/summary.json] [--interp pyhf|linear]

Prints, for pyhf and (if summary.json is given) for cevns: the best-fit signal strength mu_hat, its 68.27 %
profile-likelihood interval (Wilks, -2 Delta ln L = 1) and the discovery test statistic q0 with Z = sqrt(q0).
`--interp pyhf` (default) builds the model with pyhf's default interpolation codes (normsys code4,
histosys code4p); `--interp linear` with codes 1 and 0 (piecewise exponential / linear).
The fit of mu is unbounded below here (mu in [-5, 10]) so that the interval is the same two-sided interval
cevns reports; the exported workspace keeps mu in [0, 10].
Requires pyhf (tested with 0.7.6) and scipy.
"""
import argparse
import json

import sys

import numpy as np
from scipy.optimize import brentq

try:
    import pyhf
except ImportError:
    sys.exit("pyhf_fit.py: needs pyhf (pip install pyhf)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workspace")
    ap.add_argument("summary", nargs="?")
    ap.add_argument("--interp", choices=["pyhf", "linear"], default="pyhf")
    args = ap.parse_args()
    with open(args.workspace) as f:
        ws = pyhf.Workspace(json.load(f))
    settings = None
    if args.interp == "linear":
        settings = {"normsys": {"interpcode": "code1"}, "histosys": {"interpcode": "code0"}}
    model = ws.model(modifier_settings=settings) if settings else ws.model()
    data = ws.data(model)
    pyhf.set_backend("numpy", pyhf.optimize.scipy_optimizer(tolerance=1e-10))
    bounds = model.config.suggested_bounds()
    poi = model.config.poi_index
    bounds[poi] = (-5.0, 10.0)
    init = model.config.suggested_init()
    best, twice_nll = pyhf.infer.mle.fit(data, model, init_pars=init, par_bounds=bounds, return_fitted_val=True)
    mu_hat = float(best[poi])

    def q(mu):
        _, v = pyhf.infer.mle.fixed_poi_fit(mu, data, model, init_pars=init, par_bounds=bounds,
                                            return_fitted_val=True)
        return float(v - twice_nll)

    def end(direction):
        step = 0.1
        a, b = mu_hat, mu_hat + direction * step
        while q(b) < 1.0:
            a, b, step = b, b + direction * 2 * step, 2 * step
        return brentq(lambda m: q(m) - 1.0, min(a, b), max(a, b), xtol=1e-6)

    q0 = q(0.0)
    rows = [("pyhf " + pyhf.__version__ + " (" + args.interp + ")", mu_hat, end(-1), end(+1), q0)]
    if args.summary:
        with open(args.summary) as f:
            fit = json.load(f)["fit"]
        i68 = fit["interval_68"]
        rows.append(("cevns", fit["mu_hat"], i68["lower"], i68["upper"], fit["significance"]["q0"]))
    print(f"{'':24s} {'mu_hat':>8s} {'68% lower':>10s} {'68% upper':>10s} {'q0':>9s} {'Z':>6s}")
    for name, m, lo, hi, q0v in rows:
        print(f"{name:24s} {m:8.4f} {lo:10.4f} {hi:10.4f} {q0v:9.3f} {np.sqrt(max(q0v, 0.0)):6.3f}")


if __name__ == "__main__":
    main()
