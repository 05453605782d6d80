#!/usr/bin/env python3
"""Energy spectra of the coherent-lar steady-state and prompt beam-related-neutron (BRN) backgrounds that
cevns simulates, derived from the COHERENT CENNS-10 Analysis A data release (Akimov et al., PRL 126 (2021)
012002, arXiv:2006.12659; Zenodo 10.5281/zenodo.3903810), files as copied to configs/data/coherent-lar-2020.

The release's PDFs (bkgpdf.txt, brnpdf.txt) are binned in observed keVee (12 bins of 10 keVee) after the
energy resolution and the acceptance efficiency (CENNS10AnlAEfficiency). cevns simulates a background *before*
resolution and acceptance, as cevns's detector model then applies them (Gaussian sigma^2 = 0.58^2 E keVee,
acceptance on the observed keVee). The density given to cevns is constant within each release bin (and in one
bin above 120 keVee, at the last bin's density) and is found by iterating density *= release / folded until
the folded bins equal the release's (printed: the worst relative difference). The acceptance within a bin is
integrated over the observed energy in steps of 0.5 keVee (the release's efficiency table has 0.5 keVee steps).
The BRN is a nuclear recoil: the keVee bin edges are mapped to keVnr with the release's quenching
QF = 0.246 + 0.00078 T/keVnr, and its density is constant in keVnr within a bin.

Writes configs/data/coherent-lar-2020/steady_spectrum_kevee.csv and brn_spectrum_kevnr.csv
(columns energy_kev,density; tabulated shapes of configs/reference.yaml, linear between points).
Usage: scripts/coherent_lar_background_spectra.py [DATA_DIR]
"""
import math
import sys
from pathlib import Path

data = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
            / "configs/data/coherent-lar-2020")
BIN_KEVEE = 10.0
QF_A, QF_B = 0.246, 0.00078  # QF = a + b T (release LArParametersAnlA.yaml)


def projection(name):
    """Energy projection of a release PDF: {bin centre keVee: expected events}."""
    out = {}
    for line in (data / name).read_text().split("\n"):
        parts = line.split()
        if len(parts) >= 4:
            out[float(parts[0])] = out.get(float(parts[0]), 0.0) + float(parts[3])
    return dict(sorted(out.items()))


def efficiency_table():
    rows = []
    for line in (data / "cenns10_efficiency.csv").read_text().split("\n"):
        if line and not line.startswith("#") and not line.startswith("kevee"):
            e, eff = line.split(",")
            rows.append((float(e), float(eff)))
    return rows


def efficiency(e_kevee, table):
    """Linear between points, end values held outside (as cevns's tabulated efficiency)."""
    if e_kevee <= table[0][0]:
        return table[0][1]
    for (x0, y0), (x1, y1) in zip(table, table[1:]):
        if e_kevee <= x1:
            return y0 + (y1 - y0) * (e_kevee - x0) / (x1 - x0)
    return table[-1][1]


def steps(edges_and_densities):
    """A histogram as a table that is linear between points: each bin's density held from its low edge to just
    below its high edge, so that each bin's integral is kept."""
    rows = []
    for lo, hi, d in edges_and_densities:
        rows += [(lo, d), (hi - 1e-4 * (hi - lo), d)]
    return rows


def kevnr_of_kevee(e_kevee):
    """Inverse of E_ee = T (a + b T)."""
    return (-QF_A + math.sqrt(QF_A * QF_A + 4 * QF_B * e_kevee)) / (2 * QF_B)


def write(name, header, rows):
    text = header + "energy_kev,density\n" + "".join(f"{e:.8g},{d:.6g}\n" for e, d in rows)
    (data / name).write_text(text)


RESOLUTION_A_KEVEE = 0.58 ** 2  # sigma^2 = a E (release: sigma/E = 0.58/sqrt(E/keVee))
TOP_KEVEE = 150.0               # the spectra continue above the 120 keVee analysis range, so that resolution
                                #   moves events into the last bin as it moves them out


def fold(edges, densities, to_kevee, table, steps=40):
    """Expected events per release bin (observed keVee, after the acceptance) of a spectrum that is constant within
    each [edges[j], edges[j+1]] of its own energy scale; to_kevee maps that scale to true keVee."""
    out = [0.0] * 12
    for j, d in enumerate(densities):
        width = (edges[j + 1] - edges[j]) / steps
        for i in range(steps):
            e_true = to_kevee(edges[j] + (i + 0.5) * width)
            sigma = math.sqrt(RESOLUTION_A_KEVEE * e_true)
            for k in range(12):
                lo, hi = k * BIN_KEVEE, (k + 1) * BIN_KEVEE
                if gaussian_mass(lo, hi, e_true, sigma) < 1e-12:
                    continue
                # the acceptance applies at the observed energy: integrate it over the Gaussian inside the bin
                sub = BIN_KEVEE / 20
                p = sum(gaussian_mass(lo + m * sub, lo + (m + 1) * sub, e_true, sigma)
                        * efficiency(lo + (m + 0.5) * sub, table) for m in range(20))
                out[k] += d * width * p
    return out


def gaussian_mass(lo, hi, mean, sigma):
    if sigma == 0:
        return 1.0 if lo <= mean < hi else 0.0
    cdf = lambda x: 0.5 * math.erfc(-(x - mean) / (sigma * math.sqrt(2)))
    return cdf(hi) - cdf(lo)


def unfold(target, edges, to_kevee, table, iterations=12):
    """Densities (constant per source bin; the last, above 120 keVee, follows the last release bin) whose folded
    bins equal the release's target within the iteration's convergence."""
    densities = [n / BIN_KEVEE for n in target] + [target[-1] / BIN_KEVEE]
    for _ in range(iterations):
        folded = fold(edges, densities, to_kevee, table)
        densities = [d * (t / f if f > 0 else 1.0) for d, t, f in zip(densities, target, folded)] + [0.0]
        densities[-1] = densities[-2]
    folded = fold(edges, densities, to_kevee, table)
    worst = max(abs(f / t - 1) for f, t in zip(folded, target))
    return densities, worst


def main():
    table = efficiency_table()
    source = ("# derived by scripts/coherent_lar_background_spectra.py from the COHERENT CENNS-10 Analysis A release\n"
              "# (arXiv:2006.12659; Zenodo 10.5281/zenodo.3903810): {pdf} energy projection, unfolded for the release's\n"
              "# resolution and acceptance ({scale}); constant within each release bin; relative density\n")
    kevee_edges = [k * BIN_KEVEE for k in range(13)] + [TOP_KEVEE]
    steady_target = list(projection("bkgpdf.txt").values())
    steady, worst = unfold(steady_target, kevee_edges, lambda e: e, table)
    print(f"steady: folded bins within {worst:.1e} of the release's")
    write("steady_spectrum_kevee.csv", source.format(pdf="bkgpdf.txt", scale="keVee"),
          steps(zip(kevee_edges, kevee_edges[1:], steady)))
    kevnr_edges = [kevnr_of_kevee(e) for e in kevee_edges]
    brn, worst = unfold(list(projection("brnpdf.txt").values()), kevnr_edges, lambda t: t * (QF_A + QF_B * t), table)
    print(f"brn: folded bins within {worst:.1e} of the release's")
    write("brn_spectrum_kevnr.csv", source.format(pdf="brnpdf.txt",
          scale="keVnr, with QF = 0.246 + 0.00078 T/keVnr"), steps(zip(kevnr_edges, kevnr_edges[1:], brn)))


if __name__ == "__main__":
    main()
