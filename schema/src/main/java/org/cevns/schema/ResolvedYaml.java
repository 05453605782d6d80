package org.cevns.schema;

import org.cevns.physics.xs.bsm.FlavourMatrix;
import org.cevns.physics.xs.bsm.Mediator;
import org.cevns.physics.xs.bsm.NewPhysics;
import org.cevns.physics.xs.bsm.Ngi;
import org.cevns.physics.xs.bsm.PerFlavour;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.cevns.physics.Process;

/** Builds the effective configuration tree of an {@link ExperimentConfig} (keys in schema order). */
final class ResolvedYaml {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ResolvedYaml() {}

  static ObjectNode tree(ExperimentConfig c) {
    ObjectNode root = F.objectNode();
    root.put("name", c.name());
    c.seed().ifPresent(seed -> root.put("seed", seed));
    root.set("physics", physics(c.physics()));
    GeneratorSettings g = c.generator();
    ObjectNode gen = root.putObject("generator");
    gen.put("weighted", g.weighted());
    gen.put("energy_nodes", g.energyNodes());
    gen.put("recoil_nodes", g.recoilNodes());
    ArrayNode sources = root.putArray("sources");
    c.sources().forEach(s -> sources.add(source(s)));
    ArrayNode detectors = root.putArray("detectors");
    c.detectors().forEach(d -> detectors.add(detector(d)));
    c.windows().ifPresent(w -> root.set("windows", w.node()));
    c.analysis().ifPresent(a -> root.set("analysis", a.node()));
    return root;
  }

  private static ObjectNode physics(PhysicsConfig p) {
    ObjectNode n = F.objectNode();
    n.put("sin2_theta_w", p.sin2ThetaW());
    n.put("couplings", ConfigNode.spelling(p.couplings()));
    n.put("form_factor", ConfigNode.spelling(p.formFactor()));
    n.put("axial", p.axial());
    ArrayNode processes = n.putArray("processes");
    for (Process process : p.processes()) {
      processes.add(ConfigNode.spelling(process));
    }
    if (!p.nuclei().isEmpty()) {
      ObjectNode nuclei = n.putObject("nuclei");
      p.nuclei().forEach((key, r) -> {
        ObjectNode radii = nuclei.putObject(key);
        put(radii, "neutron_rms_radius_fm", r.neutronRmsRadiusFm());
        put(radii, "proton_rms_radius_fm", r.protonRmsRadiusFm());
      });
    }
    NewPhysics np = p.newPhysics();
    if (!np.sameAsNone()) { // not equals(NONE): see sameAsNone
      ObjectNode nsi = n.putObject("nsi");
      matrix(nsi.putObject("u"), np.nsiU());
      matrix(nsi.putObject("d"), np.nsiD());
      matrix(nsi.putObject("e"), np.nsiE());
      ObjectNode moments = n.putObject("magnetic_moment_mub");
      perFlavour(moments, np.magneticMomentMuB().diagonal());
      for (String k : List.of("emu", "etau", "mutau")) { // transition moments: written only when set
        if (np.magneticMomentMuB().get(k) != 0) {
          moments.put(k, np.magneticMomentMuB().get(k));
        }
      }
      perFlavour(n.putObject("millicharge_e"), np.millichargeE());
      perFlavour(n.putObject("charge_radius_cm2"), np.chargeRadiusCm2());
      ArrayNode mediators = n.putArray("mediators");
      for (Mediator m : np.mediators()) {
        ObjectNode o = mediators.addObject();
        o.put("type", m.type().configName());
        o.put("mass_mev", m.massMeV());
        o.put("g_nu", m.gNu());
        o.put("g_u", m.gU());
        o.put("g_d", m.gD());
        o.put("g_e", m.gE());
      }
      np.sterile().ifPresent(st -> {
        ObjectNode o = n.putObject("sterile");
        o.put("mass_mev", st.massMeV());
        perFlavour(o.putObject("dipole_mub"), st.dipoleMuB());
      });
      if (!np.ngi().isZero()) {
        ObjectNode ngi = n.putObject("ngi");
        for (String x : Ngi.STRUCTURES) {
          Ngi.Structure st = np.ngi().structure(x);
          boolean pseudo = x.equals("pseudoscalar");
          if (pseudo && st.isZero()) {
            continue; // written only when set: resolved configs without it stay byte-identical
          }
          ObjectNode o = ngi.putObject(x);
          for (String k : Ngi.Couplings.KEYS) {
            double v = st.nue().get(k);
            // e written only when set, the pseudoscalar has no p, n: resolved configs stay byte-identical
            if (st.isUniversal(k) && (k.equals("e") ? v != 0 : !pseudo)) {
              o.put(k, v);
            }
          }
          o.put("mass_mev", st.massMeV());
          for (int i = 0; i < PerFlavour.KEYS.length; i++) {
            Ngi.Couplings c = st.couplings(i);
            ObjectNode f = null;
            for (String k : Ngi.Couplings.KEYS) {
              if (!st.isUniversal(k)) {
                f = f == null ? o.putObject(PerFlavour.KEYS[i]) : f;
                f.put(k, c.get(k));
              }
            }
          }
          List<Ngi.Couplings> pairs = List.of(st.emu(), st.etau(), st.mutau());
          for (int i = 0; i < pairs.size(); i++) { // flavour-changing: written only when set
            String pair = Ngi.Structure.PAIRS.get(i);
            ObjectNode f = null;
            for (String k : Ngi.Couplings.KEYS) {
              double v = pairs.get(i).get(k);
              if (v != 0) {
                f = f == null ? o.putObject(pair) : f;
                f.put(k, v);
              }
            }
          }
        }
      }
      n.put("recoil_floor_kev", p.recoilFloorKeV());
    }
    return n;
  }

  private static void matrix(ObjectNode o, FlavourMatrix m) {
    for (String k : FlavourMatrix.KEYS) {
      o.put(k, m.get(k));
    }
  }

  private static void perFlavour(ObjectNode o, PerFlavour v) {
    for (String k : PerFlavour.KEYS) {
      o.put(k, v.get(k));
    }
  }

  private static ObjectNode source(SourceConfig s) {
    ObjectNode n = F.objectNode();
    n.put("name", s.name());
    n.put("type", ConfigNode.spelling(s.type()));
    if (s instanceof PionDarConfig) {
      PionDarConfig p = (PionDarConfig) s;
      n.put("facility", ConfigNode.spelling(p.facility()));
      put(n, "proton_energy_gev", p.protonEnergyGeV());
      put(n, "power_mw", p.powerMW());
      put(n, "repetition_hz", p.repetitionHz());
      put(n, "pulse_shape", p.pulseShape());
      put(n, "pulse_fwhm_ns", p.pulseFwhmNs());
      put(n, "pulse_length_ns", p.pulseLengthNs());
      put(n, "nu_per_flavor_per_proton", p.nuPerFlavorPerProton());
    } else if (s instanceof ReactorConfig) {
      ReactorConfig r = (ReactorConfig) s;
      n.put("thermal_power_mw", r.thermalPowerMW());
      r.fissionFractions().ifPresent(f -> n.set("fission_fractions", fission(f)));
      r.energyPerFissionMeV().ifPresent(f -> n.set("energy_per_fission_mev", fission(f)));
      put(n, "low_energy_model", r.lowEnergyModel());
      put(n, "high_energy_model", r.highEnergyModel());
      put(n, "max_energy_mev", r.maxEnergyMeV());
      put(n, "neutron_captures_per_fission", r.neutronCapturesPerFission());
    } else if (s instanceof Solar8BConfig) {
      put(n, "total_flux_per_cm2_s", ((Solar8BConfig) s).totalFluxPerCm2S());
      n.put("oscillations", ((Solar8BConfig) s).oscillations());
    } else if (s instanceof SolarConfig c) {
      var branches = n.putArray("branches");
      c.branches().forEach(b -> branches.add(ConfigNode.spelling(b)));
      if (!c.fluxesPerCm2S().isEmpty()) {
        ObjectNode f = n.putObject("fluxes_per_cm2_s");
        c.fluxesPerCm2S().forEach((b, v) -> f.put(ConfigNode.spelling(b), v));
      }
      n.put("oscillations", c.oscillations());
    } else if (s instanceof MonoenergeticConfig) {
      MonoenergeticConfig m = (MonoenergeticConfig) s;
      n.put("energy_mev", m.energyMeV());
      n.put("flavor", ConfigNode.spelling(m.flavor()));
      n.put("parent", m.parent());
      put(n, "flux_per_cm2_s", m.fluxPerCm2S());
      put(n, "rate_per_s", m.ratePerS());
    } else {
      SpectrumFileConfig f = (SpectrumFileConfig) s;
      n.put("file", f.file());
      n.put("flavor", ConfigNode.spelling(f.flavor()));
      n.put("parent", f.parent());
      put(n, "flux_per_cm2_s", f.fluxPerCm2S());
      put(n, "rate_per_s", f.ratePerS());
    }
    n.set("exposure", exposure(s.exposure()));
    return n;
  }

  private static ObjectNode fission(FissionValues f) {
    ObjectNode n = F.objectNode();
    f.asMap().forEach(n::put);
    return n;
  }

  private static ObjectNode exposure(ExposureConfig e) {
    ObjectNode n = F.objectNode();
    if (e instanceof PionDarExposure) {
      PionDarExposure p = (PionDarExposure) e;
      put(n, "pot", p.pot());
      put(n, "beam_energy_gwh", p.beamEnergyGWh());
      put(n, "beam_hours", p.beamHours());
      put(n, "years", p.years());
      put(n, "beam_hours_per_year", p.beamHoursPerYear());
    } else if (e instanceof ReactorExposure) {
      ReactorExposure r = (ReactorExposure) e;
      n.put("live_days_on", r.liveDaysOn());
      n.put("live_days_off", r.liveDaysOff());
    } else {
      LiveTimeExposure l = (LiveTimeExposure) e;
      put(n, "live_days", l.liveDays());
      put(n, "years", l.years());
    }
    return n;
  }

  private static ObjectNode detector(DetectorConfig d) {
    ObjectNode n = F.objectNode();
    n.put("name", d.name());
    ObjectNode target = n.putObject("target");
    if (d.target() instanceof FormulaTarget) {
      target.put("formula", ((FormulaTarget) d.target()).formula());
    } else {
      ArrayNode isotopes = target.putArray("isotopes");
      for (IsotopeFraction i : ((IsotopeTarget) d.target()).isotopes()) {
        isotopes.addObject().put("element", i.element()).put("a", i.a()).put("fraction", i.fraction());
      }
    }
    n.put("mass_kg", d.massKg());
    put(n, "distance_m", d.distanceM());
    if (!d.distancesM().isEmpty()) {
      ObjectNode distances = n.putObject("distances_m");
      d.distancesM().forEach(distances::put);
    }
    n.put("threshold_kevnr", d.thresholdKeVnr());
    n.put("roi_max_kevnr", d.roiMaxKeVnr());
    if (!d.exposure().isEmpty()) {
      ObjectNode exposures = n.putObject("exposure");
      d.exposure().forEach((source, e) -> exposures.set(source, exposure(e)));
    }
    d.response().ifPresent(r -> n.set("response", r.node()));
    d.backgrounds().ifPresent(b -> n.set("backgrounds", b.node()));
    // identity first: a detector without a geometry key holds DEFAULT itself, and the record's generated equals
    // would be linked at its first call (NewPhysics.sameAsNone says why that matters)
    if (d.geometry() != GeometryConfig.DEFAULT && !d.geometry().equals(GeometryConfig.DEFAULT)) {
      n.set("geometry", geometry(d.geometry()));
    }
    return n;
  }

  private static ObjectNode geometry(GeometryConfig g) {
    ObjectNode n = F.objectNode();
    g.positionM().ifPresent(p -> {
      ArrayNode a = n.putArray("position_m");
      p.forEach(a::add);
    });
    n.put("direction", ConfigNode.spelling(g.direction()));
    put(n, "latitude_deg", g.latitudeDeg());
    if (g.volume() instanceof GeometryConfig.Box b) {
      n.putObject("volume").putArray("box_m").add(b.xM()).add(b.yM()).add(b.zM());
    } else if (g.volume() instanceof GeometryConfig.Cylinder c) {
      n.putObject("volume").putObject("cylinder").put("radius_m", c.radiusM()).put("height_m", c.heightM());
    }
    return n;
  }

  private static void put(ObjectNode n, String key, OptionalDouble value) {
    value.ifPresent(v -> n.put(key, v));
  }

  private static void put(ObjectNode n, String key, Optional<? extends Enum<?>> value) {
    value.ifPresent(v -> n.put(key, ConfigNode.spelling(v)));
  }
}
