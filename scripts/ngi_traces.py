#!/usr/bin/env python3
"""Independent check of the generalised-interaction (NGI) cross sections of NewPhysicsCevns (docs/new-physics.md).

Computes the exact spin-summed |M|^2 of nu(k) + N(p) -> nu(k') + N(p') with explicit Dirac matrices, the nucleus a
point Dirac fermion of mass M (the model of Lindner, Rodejohann & Xu, JHEP 03 (2017) 097 and Aristizabal Sierra,
De Romeri & Rojas, PRD 98 (2018) 075018), the incoming neutrino massless and left-handed (antineutrino:
right-handed), for L = -(G_F/sqrt2) sum_X eps_X [nubar Gamma_X (1 - g5) nu][Nbar Gamma^X N], X = S, V, A, T, and
prints the ratio of each term to the closed form used by cevns (P = G_F^2 M / 2 pi, y = T/E):

  V   P eps_V^2 [1 + (1-y)^2 - MT/E^2]            A   P eps_A^2 [1 + (1-y)^2 + MT/E^2]
  VA  -+ 2 P eps_V eps_A [1 - (1-y)^2]             S   P eps_S^2 (MT/E^2)(1 + T/2M)
  T   4 P eps_T^2 [(2-y)^2 - MT/E^2]               ST  -+ 4 P eps_S eps_T y (1 - y/2)   (upper sign: nu)
  SV, TV, SA, TA interference: 0
  P   P eps_P^2 T^2/(2E^2), no interference with S, V, A, T, the same for nu and nubar
      (pseudoscalar target density f-bar i g5 f: NewPhysicsEves on electrons, ngi.pseudoscalar.e; not on nuclei,
      where it is the nucleon spin, docs/new-physics.md)

Here eps_A multiplies +gamma_mu gamma5 in the nucleon current; cevns's eps_A multiplies -gamma_mu gamma5 (the sign
of the Standard-Model g_A, docs/new-physics.md), so cevns's V-A interference, +2 P eps_V eps_A [1 - (1-y)^2] for nu
(the bracket B of CevnsCrossSection), is the VA line below with eps_A -> -eps_A.

Every printed ratio should be 1 (interferences that vanish are printed as a fraction of the terms). At the
electron points the script also checks the full NewPhysicsEves closed form with every structure on at once (the
Standard-Model couplings plus S, V, A, T and P: the sum of the terms above, the P term adding with no
interference). It ends with the largest |ratio - 1| and |interference|/terms and exits 1 if either exceeds 1e-9.
numpy only.

The same forms hold exactly for nu-electron scattering with M -> m_e (NewPhysicsEves): the points with M = m_e
below check them at recoils up to T_max, where T/2m_e and y are of order 1 (the scalar factor (1 + T/2M) matters
there), and check the Standard-Model bracket of EvesCrossSection, 4 P [g_L^2 + g_R^2 (1-y)^2 - g_L g_R m_e T/E^2]
with g_L = (g_V + g_A)/2, g_R = (g_V - g_A)/2, as the trace of the V and -A structures with couplings g_V, g_A
(for nubar, g_L <-> g_R).
Run: python3 scripts/ngi_traces.py
"""
import sys

import numpy as np

I2 = np.eye(2)
Z2 = np.zeros((2, 2))
SX = np.array([[0, 1], [1, 0]], complex)
SY = np.array([[0, -1j], [1j, 0]])
SZ = np.array([[1, 0], [0, -1]], complex)
G = [np.block([[I2, Z2], [Z2, -I2]]).astype(complex)] + [np.block([[Z2, s], [-s, Z2]]) for s in (SX, SY, SZ)]
G5 = 1j * G[0] @ G[1] @ G[2] @ G[3]
ETA = np.diag([1.0, -1, -1, -1])
PL = (np.eye(4) - G5) / 2
SIG = [[0.5j * (G[m] @ G[n] - G[n] @ G[m]) for n in range(4)] for m in range(4)]


def slash(p):
    return sum(ETA[m, m] * p[m] * G[m] for m in range(4))


def bar(x):
    return G[0] @ x.conj().T @ G[0]


def ops(kind):
    """(lepton operator, nucleus operator, metric factor) whose products are summed over Lorentz indices."""
    if kind == 'S':
        return [(np.eye(4), np.eye(4), 1.0)]
    if kind == 'V':
        return [(G[m], G[m], ETA[m, m]) for m in range(4)]
    if kind == 'A':
        return [(G[m], G[m] @ G5, ETA[m, m]) for m in range(4)]
    if kind == 'T':
        return [(SIG[m][n], SIG[m][n], ETA[m, m] * ETA[n, n]) for m in range(4) for n in range(4)]
    if kind == 'P':  # pseudoscalar target density f-bar i g5 f (cevns: electrons only, docs/new-physics.md)
        return [(np.eye(4), 1j * G5, 1.0)]
    raise ValueError(kind)


def dsdt(eps, mass, e, t, anti):
    """dσ/dT with G_F = 1 for couplings eps = {kind: value} (C = 2 eps multiplies (nubar Γ P_L nu))."""
    ep = e - t
    cos = 1 - mass * t / (e * ep)
    k = np.array([e, 0, 0, e])
    kp = ep * np.array([1, np.sqrt(1 - cos * cos), 0, cos])
    p = np.array([mass, 0, 0, 0])
    pp = k + p - kp
    terms = [(2 * c, lo @ PL, ho, w) for kind, c in eps.items() for (lo, ho, w) in ops(kind)]
    total = 0
    for (c1, l1, h1, w1) in terms:
        for (c2, l2, h2, w2) in terms:
            if anti:
                lep = np.trace(slash(k) @ l1 @ slash(kp) @ bar(l2))
            else:
                lep = np.trace(slash(kp) @ l1 @ slash(k) @ bar(l2))
            had = 0.5 * np.trace((slash(pp) + mass * np.eye(4)) @ h1 @ (slash(p) + mass * np.eye(4)) @ bar(h2))
            total += c1 * np.conj(c2) * w1 * w2 * lep * had
    return (total.real / 2) / (32 * np.pi * mass * e * e)


M_E = 0.51099895  # electron mass, MeV (CODATA 2018)


TOLERANCE = 1e-9
WORST = {'ratio': 0.0, 'interference': 0.0}


def ratio(label, value):
    """Prints a ratio that should be 1 and records its distance from 1."""
    WORST['ratio'] = max(WORST['ratio'], abs(value - 1))
    print(f"  {label:<4}", value)


def vanishing(label, value):
    """Prints an interference as a fraction of the terms (should be 0) and records it."""
    WORST['interference'] = max(WORST['interference'], abs(value))
    print(f"  {label} interference / terms", value)


def main():
    for (mass, e, t) in [(1.0e5, 30.0, 0.01), (3.7e4, 10.0, 0.004), (100.0, 40.0, 9.0),
                         (M_E, 1.0, 0.3), (M_E, 10.0, 9.5), (M_E, 0.862, 0.005), (M_E, 3.0, 2.5)]:
        y = t / e
        r = mass * t / (e * e)
        pre = mass / (2 * np.pi)
        for anti in (False, True):
            sign = -1 if anti else 1
            d = lambda eps: dsdt(eps, mass, e, t, anti)
            v, a, s, tt = d({'V': 1}), d({'A': 1}), d({'S': 1}), d({'T': 1})
            print(f"M={mass:g} MeV E={e:g} MeV T={t:g} MeV {'nubar' if anti else 'nu'}")
            ratio("V", v / (pre * (1 + (1 - y) ** 2 - r)))
            ratio("A", a / (pre * (1 + (1 - y) ** 2 + r)))
            ratio("VA", (d({'V': 1, 'A': 1}) - v - a) / (-sign * 2 * pre * (1 - (1 - y) ** 2)))
            ratio("S", s / (pre * r * (1 + t / (2 * mass))))
            ratio("T", tt / (pre * 4 * ((2 - y) ** 2 - r)))
            ratio("ST", (d({'S': 1, 'T': 1}) - s - tt) / (-sign * 4 * pre * y * (1 - y / 2)))
            p = d({'P': 1})
            ratio("P", p / (pre * t * t / (2 * e * e)))
            for x, y_ in (('S', 'V'), ('T', 'V'), ('S', 'A'), ('T', 'A'), ('P', 'S'), ('P', 'V'), ('P', 'A'), ('P', 'T')):
                one, two = d({x: 1}), d({y_: 1})
                vanishing(x + y_, (d({x: 1, y_: 1}) - one - two) / (one + two))
            if mass == M_E:
                # Standard Model nu_mu e: g_V = -1/2 + 2 s2, g_A = -1/2 (current gamma(g_V - g_A g5): eps_A = -g_A here)
                s2 = 0.23857
                gv, ga = -0.5 + 2 * s2, -0.5
                gl, gr = (gv + ga) / 2, (gv - ga) / 2
                if anti:
                    gl, gr = gr, gl
                bracket = 4 * (gl * gl + gr * gr * (1 - y) ** 2 - gl * gr * r)
                ratio("SM", d({'V': gv, 'A': -ga}) / (pre * bracket))
                # NewPhysicsEves with every structure on: SM + eps_V, eps_A (cevns sign: -A here), S, T, P
                es, ev, ea, et, ep = 0.3, -0.1, 0.2, 0.15, -0.4
                # eps_A adds to g_A of the operator; for nubar the swap g_L <-> g_R below is cevns's "- for nubar"
                vv, aa = gv + ev, ga + ea
                gl2, gr2 = (vv + aa) / 2, (vv - aa) / 2
                if anti:
                    gl2, gr2 = gr2, gl2
                closed = pre * (4 * (gl2 * gl2 + gr2 * gr2 * (1 - y) ** 2 - gl2 * gr2 * r)
                                + es * es * r * (1 + t / (2 * mass)) + 4 * et * et * ((2 - y) ** 2 - r)
                                - sign * 4 * es * et * y * (1 - y / 2) + ep * ep * y * y / 2)
                trace = d({'V': vv, 'A': -aa, 'S': es, 'T': et, 'P': ep})
                ratio("all", trace / closed)
    print(f"largest |ratio - 1| {WORST['ratio']:.2e}, largest |interference|/terms {WORST['interference']:.2e}"
          f" (tolerance {TOLERANCE:g})")
    sys.stdout.flush()
    if WORST['ratio'] > TOLERANCE or WORST['interference'] > TOLERANCE:
        raise SystemExit("FAILED: a closed form differs from the Dirac traces")


if __name__ == '__main__':
    main()
