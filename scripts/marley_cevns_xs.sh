#!/usr/bin/env bash
# Regenerates configs/data/marley-cevns/marley_cevns_total_xs.csv: MARLEY 1.2.1's total CEvNS cross section for
# 12 nuclides at 5-100 MeV (read by `cevns validate` and MarleyComparisonTest).
#
# MARLEY is not part of cevns (GPL-3.0; only its numbers are in the repository): build it from its public source
# (https://github.com/MARLEY-MC/marley, tag v1.2.1) with GSL, outside this repository, as bench/marley.sh says.
# This script writes, in a temporary directory, one react file per nuclide (MARLEY's shipped
# data/react/CEvNS40Ar.react for Ar40; the same three lines with another PDG code for the others) and a small
# driver of ours that calls marley::Reaction::load_from_file and NuclearReaction::total_xs(12, E), converted to
# 1e-40 cm2 with MARLEY's own hbar_c2 and fm2_to_minus40_cm2; it prints the CSV rows to stdout.
#
# Usage: MARLEY_DIR=/work/marley scripts/marley_cevns_xs.sh > rows.csv
set -euo pipefail
MARLEY_DIR=${MARLEY_DIR:?set MARLEY_DIR to a MARLEY 1.2.1 source tree built with make}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nuclides="Ar40:1000180400 O16:1000080160 F19:1000090190 Na23:1000110230 Si28:1000140280 Ca40:1000200400
  Ge74:1000320740 Ge76:1000320760 I127:1000531270 Xe132:1000541320 Cs133:1000551330 W184:1000741840"
files=()
for n in $nuclides; do
  label=${n%%:*}
  if [[ $label == Ar40 ]]; then
    cp "$MARLEY_DIR/data/react/CEvNS40Ar.react" "$tmp/$label.react"
  else
    printf '2 %s\n0.000000 1.00  0\n' "${n##*:}" >"$tmp/$label.react"
  fi
  files+=("$tmp/$label.react")
done
cat >"$tmp/drv.cc" <<'CC'
#include <cstdio>
#include <string>
#include "marley/GammaStrengthFunctionModel.hh"
#include "marley/OpticalModel.hh"
#include "marley/LevelDensityModel.hh"
#include "marley/StructureDatabase.hh"
#include "marley/Level.hh"
#include "marley/DecayScheme.hh"
#include "marley/Reaction.hh"
#include "marley/marley_utils.hh"
int main(int argc, char** argv) {
  marley::StructureDatabase db;
  for (int i = 1; i < argc; ++i) {
    std::string label(argv[i]);
    label = label.substr(label.rfind('/') + 1);
    label = label.substr(0, label.find('.'));
    for (auto& r : marley::Reaction::load_from_file(argv[i], db)) {
      if (r->pdg_a() != 12) continue;
      for (double e : {5., 10., 20., 30., 40., 50., 100.}) {
        double xs = r->total_xs(12, e) * marley_utils::hbar_c2 * marley_utils::fm2_to_minus40_cm2;
        std::printf("%s,%g,%.8e\n", label.c_str(), e, xs);
      }
    }
  }
}
CC
g++ -std=c++14 -O2 -I"$MARLEY_DIR/include" "$tmp/drv.cc" -L"$MARLEY_DIR/build" -lMARLEY -o "$tmp/drv"
# MARLEY logs to stdout: keep only the CSV rows
MARLEY="$MARLEY_DIR" LD_LIBRARY_PATH="$MARLEY_DIR/build" "$tmp/drv" "${files[@]}" 2>/dev/null | grep -E '^[A-Z][a-z]?[0-9]+,'
