package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.cevns.physics.Process;
import org.cevns.physics.formfactor.FormFactorModel;
import org.cevns.physics.xs.CouplingScheme;
import org.cevns.physics.xs.bsm.FlavourMatrix;
import org.cevns.physics.xs.bsm.MagneticMoments;
import org.cevns.physics.xs.bsm.Mediator;
import org.cevns.physics.xs.bsm.NewPhysics;
import org.cevns.physics.xs.bsm.NewPhysicsBounds;
import org.cevns.physics.xs.bsm.Ngi;
import org.cevns.physics.xs.bsm.PerFlavour;

/**
 * The YAML {@code physics} section as bound ({@link ConfigBinding}); {@link #config()} is the validated
 * {@link PhysicsConfig} (checked there, not at binding) with the defaults of {@link PhysicsConfig#defaults()} for absent keys.
 */
record PhysicsKeys(
    @JsonProperty("sin2_theta_w") OptionalDouble sin2ThetaW,
    @JsonProperty("couplings") Optional<CouplingScheme> couplings,
    @JsonProperty("form_factor") Optional<FormFactorModel> formFactor,
    @JsonProperty("axial") Optional<Boolean> axial,
    @JsonProperty("processes") Optional<List<Process>> processes,
    @JsonProperty("nuclei") Optional<Map<String, Radii>> nuclei,
    @JsonProperty("nsi") Optional<NewPhysicsKeys.Nsi> nsi,
    @JsonProperty("magnetic_moment_mub") Optional<NewPhysicsKeys.Moments> magneticMomentMuB,
    @JsonProperty("millicharge_e") Optional<NewPhysicsKeys.Flavours> millichargeE,
    @JsonProperty("charge_radius_cm2") Optional<NewPhysicsKeys.Flavours> chargeRadiusCm2,
    @JsonProperty("mediators") Optional<List<NewPhysicsKeys.MediatorKeys>> mediators,
    @JsonProperty("sterile") Optional<NewPhysicsKeys.SterileKeys> sterile,
    @JsonProperty("ngi") Optional<NewPhysicsKeys.NgiKeys> ngi,
    @JsonProperty("recoil_floor_kev") OptionalDouble recoilFloorKeV) {

  /** An entry of {@code physics.nuclei}: the radii imposed on one nuclide (see {@link NucleusRadii}). */
  record Radii(@JsonProperty("neutron_rms_radius_fm") OptionalDouble neutronRmsRadiusFm,
      @JsonProperty("proton_rms_radius_fm") OptionalDouble protonRmsRadiusFm) {
    Radii {
      Checks.optional("neutron_rms_radius_fm", neutronRmsRadiusFm, NucleusRadii.RADIUS_FM);
      Checks.optional("proton_rms_radius_fm", protonRmsRadiusFm, NucleusRadii.RADIUS_FM);
    }
  }

  /** The validated section (errors relative to {@code physics}). */
  PhysicsConfig config() {
    return config(this);
  }

  private static PhysicsConfig config(PhysicsKeys k) {
    PhysicsConfig defaults = PhysicsConfig.defaults();
    Set<Process> chosen = defaults.processes();
    if (k.processes.isPresent()) {
      chosen = EnumSet.noneOf(Process.class);
      List<Process> list = k.processes.get();
      for (int i = 0; i < list.size(); i++) {
        if (!chosen.add(list.get(i))) {
          throw new ConfigException("processes[" + i + "]", "must not repeat a process",
              ConfigException.quote(ConfigNode.spelling(list.get(i))));
        }
      }
      if (chosen.isEmpty()) {
        throw new ConfigException("processes", "must be a non-empty list of " + ConfigNode.spellings(Process.class), "[]");
      }
    }
    Map<String, NucleusRadii> radii = new LinkedHashMap<>();
    k.nuclei.orElse(Map.of()).forEach((key, r) -> radii.put(key, radii(key, r)));
    NewPhysics newPhysics = newPhysics(k);
    double floorKeV = k.recoilFloorKeV.isPresent()
        ? DoubleRange.POSITIVE.check("recoil_floor_kev", k.recoilFloorKeV.getAsDouble())
        : PhysicsConfig.DEFAULT_RECOIL_FLOOR_KEV;
    if (newPhysics.sterile().isPresent()) {
      if (k.processes.isEmpty()) {
        chosen = EnumSet.copyOf(chosen);
        chosen.add(Process.UPSCATTER);
      } else if (!chosen.contains(Process.UPSCATTER)) {
        throw new ConfigException("processes", "must include upscatter when physics.sterile is set");
      }
    }
    return new PhysicsConfig(k.sin2ThetaW.orElse(defaults.sin2ThetaW()), k.couplings.orElse(defaults.couplings()),
        k.formFactor.orElse(defaults.formFactor()), k.axial.orElse(defaults.axial()), chosen, radii, newPhysics,
        floorKeV);
  }

  private static NucleusRadii radii(String key, Radii r) {
    try {
      String[] nuclide = NucleusRadii.parseKey(key);
      return new NucleusRadii(nuclide[0], Integer.parseInt(nuclide[1]), r.neutronRmsRadiusFm(), r.protonRmsRadiusFm());
    } catch (ConfigException e) {
      throw new ConfigException(ConfigException.join("nuclei." + key, e.keyPath()), e.allowed(), e.value().orElse(null));
    }
  }

  private static NewPhysics newPhysics(PhysicsKeys k) {
    FlavourMatrix u = FlavourMatrix.ZERO;
    FlavourMatrix d = FlavourMatrix.ZERO;
    FlavourMatrix e = FlavourMatrix.ZERO;
    if (k.nsi.isPresent()) {
      u = k.nsi.get().u().map(NewPhysicsKeys.Matrix::matrix).orElse(FlavourMatrix.ZERO);
      d = k.nsi.get().d().map(NewPhysicsKeys.Matrix::matrix).orElse(FlavourMatrix.ZERO);
      e = k.nsi.get().e().map(NewPhysicsKeys.Matrix::matrix).orElse(FlavourMatrix.ZERO);
    }
    List<Mediator> mediators = new ArrayList<>();
    k.mediators.ifPresent(list -> list.forEach(m -> mediators.add(m.mediator())));
    // every value within its group's validity bound, checked where it is bound (NewPhysicsKeys)
    return new NewPhysics(u, d, e, k.magneticMomentMuB.map(NewPhysicsKeys.Moments::moments)
        .orElse(MagneticMoments.ZERO), flavours("millicharge_e", k.millichargeE),
        flavours("charge_radius_cm2", k.chargeRadiusCm2), mediators, k.sterile.map(NewPhysicsKeys.SterileKeys::sterile),
        k.ngi.map(NewPhysicsKeys.NgiKeys::ngi).orElse(Ngi.ZERO));
  }

  /**
   * The values of {@code key} ({@code millicharge_e}, {@code charge_radius_cm2}), each within the validity bound of
   * its group ({@link NewPhysicsBounds}), checked here (relative to {@code physics}) and recorded for the schema even
   * when absent.
   */
  private static PerFlavour flavours(String key, Optional<NewPhysicsKeys.Flavours> f) {
    return f.orElse(NewPhysicsKeys.Flavours.NONE).values(NewPhysicsBounds.Group.of(key + ".all"), key + ".");
  }
}
