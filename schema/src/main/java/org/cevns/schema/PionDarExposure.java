package org.cevns.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.OptionalDouble;
import org.cevns.physics.constants.Units;

/**
 * Exposure of a pion decay-at-rest source: exactly one of {@code pot}, {@code beam_energy_gwh},
 * {@code beam_hours}, or {@code years} (which needs {@code beam_hours_per_year}).
 *
 * @param pot protons on target, > 0
 * @param beamEnergyGWh beam energy delivered to the target in GWh, > 0 (POT = energy / proton energy)
 * @param beamHours hours of beam at the source's {@code power_mw}, > 0
 * @param years calendar years of running, > 0; beam time per year is {@code beamHoursPerYear}
 * @param beamHoursPerYear beam hours per year, in (0, 8766] (8766 h = one Julian year); only with {@code years}
 */
public record PionDarExposure(
    @JsonProperty("pot") OptionalDouble pot,
    @JsonProperty("beam_energy_gwh") OptionalDouble beamEnergyGWh,
    @JsonProperty("beam_hours") OptionalDouble beamHours,
    @JsonProperty("years") OptionalDouble years,
    @JsonProperty("beam_hours_per_year") OptionalDouble beamHoursPerYear) implements ExposureConfig {

  /** The form in which the exposure was given. */
  public enum Kind {
    /** {@code pot}. */
    POT,
    /** {@code beam_energy_gwh}. */
    BEAM_ENERGY,
    /** {@code beam_hours}. */
    BEAM_HOURS,
    /** {@code years} × {@code beam_hours_per_year}. */
    YEARS
  }

  /** Hours in a Julian year, the largest {@code beam_hours_per_year}. */
  public static final double HOURS_PER_YEAR = Units.DAYS_PER_YEAR * Units.S_PER_DAY / Units.S_PER_HOUR;

  public PionDarExposure {
    pot = Checks.optional("pot", pot, PhysicalRanges.POT);
    beamEnergyGWh = Checks.optional("beam_energy_gwh", beamEnergyGWh, PhysicalRanges.BEAM_ENERGY_GWH);
    beamHours = Checks.optional("beam_hours", beamHours, PhysicalRanges.BEAM_HOURS);
    years = Checks.optional("years", years, PhysicalRanges.YEARS);
    beamHoursPerYear = Checks.optional("beam_hours_per_year", beamHoursPerYear, DoubleRange.openClosed(0, HOURS_PER_YEAR));
    Checks.exactlyOne(List.of("pot", "beam_energy_gwh", "beam_hours", "years"),
        pot.isPresent(), beamEnergyGWh.isPresent(), beamHours.isPresent(), years.isPresent());
    if (years.isPresent() && beamHoursPerYear.isEmpty()) {
      throw new ConfigException("beam_hours_per_year", "required key is missing (needed with years)");
    }
    if (years.isEmpty() && beamHoursPerYear.isPresent()) {
      throw new ConfigException("beam_hours_per_year", "only allowed with years",
          ConfigException.render(beamHoursPerYear.getAsDouble()));
    }
  }

  /** An exposure in protons on target. */
  public static PionDarExposure ofPot(double pot) {
    return new PionDarExposure(OptionalDouble.of(pot), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty());
  }

  /** An exposure in GWh of beam energy. */
  public static PionDarExposure ofBeamEnergyGWh(double gwh) {
    return new PionDarExposure(OptionalDouble.empty(), OptionalDouble.of(gwh), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty());
  }

  /** An exposure in beam hours at the source power. */
  public static PionDarExposure ofBeamHours(double hours) {
    return new PionDarExposure(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(hours),
        OptionalDouble.empty(), OptionalDouble.empty());
  }

  /** An exposure of {@code years} with {@code beamHoursPerYear} of beam each. */
  public static PionDarExposure ofYears(double years, double beamHoursPerYear) {
    return new PionDarExposure(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.of(years), OptionalDouble.of(beamHoursPerYear));
  }

  /** Which of the forms was given. */
  public Kind kind() {
    if (pot.isPresent()) {
      return Kind.POT;
    }
    if (beamEnergyGWh.isPresent()) {
      return Kind.BEAM_ENERGY;
    }
    return beamHours.isPresent() ? Kind.BEAM_HOURS : Kind.YEARS;
  }

  /** True if converting to POT needs the beam power ({@code beam_hours} or {@code years}). */
  public boolean needsPower() {
    return kind() == Kind.BEAM_HOURS || kind() == Kind.YEARS;
  }

  /** Beam hours: {@code beam_hours}, or {@code years × beam_hours_per_year}. */
  public OptionalDouble totalBeamHours() {
    switch (kind()) {
      case BEAM_HOURS:
        return beamHours;
      case YEARS:
        return OptionalDouble.of(years.getAsDouble() * beamHoursPerYear.getAsDouble());
      default:
        return OptionalDouble.empty();
    }
  }

  /**
   * Protons on target: POT as given, or delivered beam energy / proton kinetic energy, where the energy is
   * {@code beam_energy_gwh}, or {@code power_mw} × beam hours (POT = energy delivered / proton
   * energy; 13.99 GWh at 0.984 GeV = 3.195e23).
   *
   * @param protonEnergyGeV proton kinetic energy (GeV), > 0 (ignored for {@code pot})
   * @param powerMW beam power (MW), > 0 (used only for {@code beam_hours} and {@code years})
   */
  public double protonsOnTarget(double protonEnergyGeV, double powerMW) {
    if (kind() == Kind.POT) {
      return pot.getAsDouble();
    }
    DoubleRange.POSITIVE.check("proton_energy_gev", protonEnergyGeV);
    double energyWh;
    if (kind() == Kind.BEAM_ENERGY) {
      energyWh = beamEnergyGWh.getAsDouble() * Units.WH_PER_GWH;
    } else {
      DoubleRange.POSITIVE.check("power_mw", powerMW);
      energyWh = powerMW * Units.W_PER_MW * totalBeamHours().getAsDouble();
    }
    double energyJ = energyWh * Units.J_PER_WH;
    double protonEnergyJ = protonEnergyGeV * Units.MEV_PER_GEV * Units.EV_PER_MEV * Units.J_PER_EV;
    return energyJ / protonEnergyJ;
  }
}
