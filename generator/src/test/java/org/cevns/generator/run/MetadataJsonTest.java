package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.model.RateReport;
import org.cevns.generator.model.RatesJson;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * {@link MetadataJson} writes the text Jackson's mapper wrote for the metadata's JSON values ({@code RateReport
 * .toJsonText} and the former {@code RunMetadata.exposureJson}), on every shipped configuration and on records with
 * the awkward values (null, NaN and infinite numbers, escapes, non-ASCII names, empty lists and maps).
 */
class MetadataJsonTest {
  private static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();

  /** The former {@code RunMetadata.DetectorExposure}. */
  private record DetectorExposure(
      @JsonProperty("detector") String detector,
      @JsonProperty("mass_kg") double massKg,
      @JsonProperty("exposures") List<RatesJson.Exposure> exposures) {}

  private static String jacksonExposures(List<RatesJson.Detector> detectors) throws JsonProcessingException {
    return new ObjectMapper().writeValueAsString(detectors.stream()
        .map(d -> new DetectorExposure(d.name(), d.massKg(), d.exposures())).toList());
  }

  private static String jacksonReport(RatesJson report) throws JsonProcessingException {
    return new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
        .writeValueAsString(report);
  }

  @Test
  void shippedConfigsGiveJacksonsText() throws IOException {
    List<Path> configs;
    try (Stream<Path> s = Files.list(CONFIGS)) {
      configs = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(configs.size() >= 20, "shipped configurations: " + configs);
    for (Path config : configs) {
      ExperimentModel model = ExperimentModel.build(ConfigLoader.load(config));
      RatesJson report = RateReport.toJson(model, RateReport.of(model));
      assertEquals(RateReport.toJsonText(model, RateReport.of(model)), MetadataJson.report(report), config.toString());
      assertEquals(jacksonReport(report), MetadataJson.report(report), config.toString());
      assertEquals(jacksonExposures(report.detectors()), MetadataJson.exposures(report.detectors()), config.toString());
    }
  }

  @Test
  void awkwardValuesGiveJacksonsText() throws IOException {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("cevns", Double.NaN);
    values.put("eves", null);
    values.put("up\"scatter", Double.NEGATIVE_INFINITY);
    values.put("tiny", 4.9e-324);
    List<RatesJson.Exposure> exposures = List.of(
        new RatesJson.Exposure("src\\\n\t\u0001\u001f\u007f", null, 1e300, null, -0.0, null),
        new RatesJson.Exposure("Übung µ ☢ \uD83D\uDE00 \u2028", "p/1", 3, "live_seconds", 1.5e-7, 19.3));
    List<RatesJson.Row> rows = List.of(new RatesJson.Row(null, "nue", null, 1, Double.POSITIVE_INFINITY),
        new RatesJson.Row("cevns", "numu\b\f\r", "Cs133", 0.1, 2e22));
    List<RatesJson.Detector> detectors = new ArrayList<>();
    detectors.add(new RatesJson.Detector("det \"1\"", 14.6, 0, null, values, Map.of(), new LinkedHashMap<>(),
        rows, exposures, null, null));
    detectors.add(new RatesJson.Detector(null, Double.NaN, 1e-3, 99.5, null, null, null, List.of(), List.of(), null,
        null));
    detectors.add(new RatesJson.Detector("x", 1, 2, 3.0, values, values, values, null, null, null, null));
    for (RatesJson report : List.of(new RatesJson("exp", detectors, null), new RatesJson(null, List.of(), null),
        new RatesJson("np", detectors.subList(0, 1), Map.of("g_zprime", 1e-5)))) {
      assertEquals(jacksonReport(report), MetadataJson.report(report));
      assertEquals(jacksonExposures(report.detectors()), MetadataJson.exposures(report.detectors()));
    }
  }
}
