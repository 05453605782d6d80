"""Independent check of the NGI recoil factors: |M|^2 of nu(k) + N(p) -> nu(k') + N(p') by Dirac traces,
nucleus treated as a point Dirac fermion of mass M (the convention of Lindner-Rodejohann-Xu 2017 and
Aristizabal Sierra-De Romeri-Rojas 2018); incoming neutrino left-handed, massless."""
import numpy as np
I2 = np.eye(2); Z2 = np.zeros((2, 2))
sx = np.array([[0, 1], [1, 0]], complex); sy = np.array([[0, -1j], [1j, 0]]); sz = np.array([[1, 0], [0, -1]], complex)
g0 = np.block([[I2, Z2], [Z2, -I2]]).astype(complex)
gs = [np.block([[Z2, s], [-s, Z2]]) for s in (sx, sy, sz)]
G = [g0] + gs
g5 = 1j * G[0] @ G[1] @ G[2] @ G[3]
eta = np.diag([1., -1, -1, -1])
PL = (np.eye(4) - g5) / 2
def slash(p): return sum(eta[m, m] * p[m] * G[m] for m in range(4))
def bar(X): return g0 @ X.conj().T @ g0
sig = [[0.5j * (G[m] @ G[n] - G[n] @ G[m]) for n in range(4)] for m in range(4)]
def ops(kind):
    """(lepton operator, hadron operator, metric weight) triples whose products are summed."""
    if kind == 'S': return [(np.eye(4), np.eye(4), 1.0)]
    if kind == 'P': return [(np.eye(4), 1j * g5, 1.0)]
    if kind == 'V': return [(G[m], G[m], eta[m, m]) for m in range(4)]
    if kind == 'A': return [(G[m], G[m] @ g5, eta[m, m]) for m in range(4)]
    if kind == 'T': return [(sig[m][n], sig[m][n], eta[m, m] * eta[n, n]) for m in range(4) for n in range(4)]
def msq(coeffs, M, E, T):
    Ep = E - T
    cth = 1 - M * T / (E * Ep)
    k = np.array([E, 0, 0, E]); kp = Ep * np.array([1, np.sqrt(1 - cth**2), 0, cth])
    p = np.array([M, 0, 0, 0]); pp = k + p - kp
    terms = [(c, l @ PL, h, w) for kind, c in coeffs.items() for (l, h, w) in ops(kind)]
    tot = 0
    for (c1, l1, h1, w1) in terms:
        for (c2, l2, h2, w2) in terms:
            L = np.trace(slash(kp) @ l1 @ slash(k) @ bar(l2))
            H = 0.5 * np.trace((slash(pp) + M * np.eye(4)) @ h1 @ (slash(p) + M * np.eye(4)) @ bar(h2))
            tot += c1 * np.conj(c2) * w1 * w2 * L * H
    return tot.real / 2  # (G_F/sqrt2)^2 with G_F = 1
def dsdt(coeffs, M, E, T): return msq(coeffs, M, E, T) / (32 * np.pi * M * E**2)
P = lambda M: M / (2 * np.pi)  # cevns prefactor G_F^2 M / 2pi with G_F = 1
for (M, E, T) in [(1.0e5, 30.0, 0.01), (1.2e5, 50.0, 0.02), (3.7e4, 10.0, 0.004), (100.0, 40.0, 9.0)]:
    y = T / E; K = 1 + (1 - y)**2 - M * T / E**2
    print(f"M={M} E={E} T={T}")
    # cevns charges Q_X: C_X = 2 Q_X (the SM vector charge G_V enters as C_V = 2 G_V)
    print("  V  ratio to P Q^2 K                     ", dsdt({'V': 2.0}, M, E, T) / (P(M) * K))
    KA = 1 + (1 - y)**2 + M * T / E**2
    print("  A  ratio to P Q^2 (1+(1-y)^2+MT/E^2)     ", dsdt({'A': 2.0}, M, E, T) / (P(M) * KA))
    va = dsdt({'V': 2.0, 'A': 2.0}, M, E, T) - dsdt({'V': 2.0}, M, E, T) - dsdt({'A': 2.0}, M, E, T)
    print("  VA interference / (2 P (1-(1-y)^2))      ", va / (2 * P(M) * (1 - (1 - y)**2)))
    print("  S  ratio to P Q^2 MT/2E^2 (1+T/2M)       ", dsdt({'S': 2.0}, M, E, T) / (P(M) * M * T / (2 * E**2) * (1 + T / (2 * M))))
    print("  SV interference                          ", dsdt({'S': 2.0, 'V': 2.0}, M, E, T) - dsdt({'S': 2.0}, M, E, T) - dsdt({'V': 2.0}, M, E, T))
    print("  TV interference                          ", dsdt({'T': 2.0, 'V': 2.0}, M, E, T) - dsdt({'T': 2.0}, M, E, T) - dsdt({'V': 2.0}, M, E, T))
    KT = 2 * (1 - y)**2 + 2 - M * T / E**2  # candidate
    tt = dsdt({'T': 2.0}, M, E, T)
    print("  T  ratio to P [ (1-y)^2 + 1 - MT/(2E^2) ]*4", tt / (P(M) * 4 * ((1 - y)**2 + 1 - M * T / (2 * E**2))))
    print("  T  ratio to P 8 (1 - y - MT/(4E^2))      ", tt / (P(M) * 8 * (1 - y - M * T / (4 * E**2))))
    st = dsdt({'S': 2.0, 'T': 2.0}, M, E, T) - dsdt({'S': 2.0}, M, E, T) - tt
    print("  ST interference / (P y)                  ", st / (P(M) * y), " /(P*MT/E^2)", st / (P(M) * M * T / E**2))
