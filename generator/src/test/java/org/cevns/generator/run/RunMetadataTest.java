package org.cevns.generator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cevns.events.CevnsVersion;
import org.cevns.events.io.TruthMetadata;
import org.cevns.generator.Provenance;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.schema.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * {@link RunMetadata#toMap()} written out gives the text Jackson's {@code convertValue} of the annotated record gave
 * (the map the files carried before).
 */
class RunMetadataTest {
  private static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();

  /** The former {@code toMap}: Jackson's view of the record, values through {@link String#valueOf(Object)}. */
  private static Map<String, String> jacksonMap(RunMetadata m) {
    Map<String, Object> values = new ObjectMapper().convertValue(m,
        new TypeReference<LinkedHashMap<String, Object>>() { });
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }

  private static List<RunMetadata> cases(String config) {
    ExperimentModel model = ExperimentModel.build(ConfigLoader.load(CONFIGS.resolve(config)));
    double expected = model.totalExpectedEvents();
    List<RunMetadata> out = new ArrayList<>();
    for (boolean weighted : new boolean[] {false, true}) {
      out.add(RunMetadata.of(model, 7, EventCount.fixed(1000, expected), weighted));
      out.add(RunMetadata.of(model, -123456789012345L, EventCount.poisson(expected, 7), weighted));
      out.add(RunMetadata.of(model, 1, EventCount.fixed(0, expected), weighted));
      out.add(RunMetadata.of(model, 1, EventCount.mean(expected), weighted));
    }
    return out;
  }

  @Test
  void writtenOutMapEqualsJacksonsOnShippedConfigs() {
    for (String config : List.of("coherent-lar.yaml", "coherent-csi.yaml", "conus-plus.yaml", "xenonnt-b8.yaml")) {
      for (RunMetadata m : cases(config)) {
        Map<String, String> mine = m.toMap();
        Map<String, String> jackson = jacksonMap(m);
        assertEquals(jackson, mine, config);
        assertEquals(new ArrayList<>(jackson.keySet()), new ArrayList<>(mine.keySet()), config + ": key order");
      }
    }
  }

  @Test
  void nullComponentsAndNaNAreWrittenAsJacksonDid() {
    RunMetadata m = new RunMetadata("v", "c", Long.MIN_VALUE, "g", "h", "{}", "[]", "fixed", Double.NaN, true, "n",
        null, Double.NaN, null, 1e300);
    assertEquals(jacksonMap(m), m.toMap());
    assertFalse(m.toMap().containsKey(TruthMetadata.WEIGHT_PER_EVENT));
  }

  @Test
  void commitAndHashAreTheProvenances() {
    ExperimentModel model = ExperimentModel.build(ConfigLoader.load(CONFIGS.resolve("coherent-csi.yaml")));
    RunMetadata m = RunMetadata.of(model, 3, EventCount.fixed(10, model.totalExpectedEvents()), false);
    Provenance p = Provenance.of(model.config(), 3);
    assertEquals(p.commit(), m.gitCommit());
    assertEquals(p.configSha256(), m.configSha256());
    assertEquals(CevnsVersion.get(), m.version());
    assertEquals(model.config().resolvedYaml(), m.config());
  }
}
