package org.cevns.detsim.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.List;
import java.util.Map;

/**
 * The records of the detector-level metadata values ({@link SimMetadata}), written by {@link #MAPPER} as compact
 * JSON with snake_case keys in component order (names with a unit spelled in capitals carry their key). A
 * {@code model} component comes first and says which model a record describes.
 */
final class SimMetadataRecords {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private SimMetadataRecords() {}

  /** One detector's response; {@code quenching} maps element symbols to a quenching record. */
  record Response(String detector, Map<String, Object> quenching, String backgroundQuenchingElement,
      Object energy, List<Object> detection) {}

  record Lindhard(String model, int z, double a, double k) {}

  /** Lindhard with the adiabatic correction (a separate record: plain Lindhard metadata keeps its bytes). */
  record LindhardAdiabatic(String model, int z, double a, double k,
      @JsonProperty("adiabatic_xi_kevnr") double adiabaticXiKeVnr) {}

  record ConstantQf(String model, double quenchingFactor) {}

  record LinearQf(String model, double intercept, @JsonProperty("slope_per_kevnr") double slopePerKeVnr) {}

  record Polynomial(String model, @JsonProperty("max_kevnr") double maxKeVnr,
      @JsonProperty("coefficients_mev") double[] coefficientsMeV) {}

  record TabulatedQf(String model, @JsonProperty("recoil_kevnr") double[] recoilKeVnr,
      @JsonProperty("visible_kevee") double[] visibleKeVee) {}

  record Ionisation(String model, @JsonProperty("pair_energy_ev") double pairEnergyEV, double fano,
      @JsonProperty("noise_sigma_evee") double noiseSigmaEVee) {}

  record LightYield(String model, @JsonProperty("light_yield_pe_per_kevee") double lightYieldPePerKeVee,
      String smearing,
      @JsonInclude(Include.NON_NULL) @JsonProperty("gamma_shape_per_kevee") Double gammaShapePerKeVee,
      String npe) {}

  record Gaussian(String model, @JsonProperty("sigma0_kevee") double sigma0KeVee,
      @JsonProperty("a_kevee") double aKeVee, double b) {}

  /** A model named only (ideal response, or one without its own record). */
  record Named(String model) {}

  record Threshold(String model, String variable, double value, String role) {}

  record Erf(String model, String variable, double x50, double width, double plateau, String role) {}

  record Logistic(String model, String variable, double a, double b, double c, double d, String role) {}

  record TabulatedEfficiency(String model, String variable, double[] values, double[] efficiencies, String role) {}

  record DeadTime(String model, double fraction, String role) {}

  record NamedEfficiency(String model, String role) {}

  record Background(String detector, String component, String model, String source, String period, String state,
      String energyScale, String spectrum, double massKg, double liveSeconds, double protonsOnTarget,
      double frameStartNs, double frameLengthNs, double expectedEvents) {}

  /** The beam windows; {@code record_length_ns} is null when the record runs to the end of the frame. */
  record Windows(double coincidenceStartNs, double coincidenceLengthNs, String anticoincidence,
      double anticoincidenceDelayNs, double recordStartNs, Double recordLengthNs) {}
}
