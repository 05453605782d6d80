package org.cevns.analysis.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cevns.analysis.hist.BinEdges;

/** Metadata and binnings for hand-made event files. */
final class TestFiles {
  private TestFiles() {}

  /** {@code cevns.exposure} JSON: detector → (mass, period → live seconds, exposure unit). */
  static String exposure(Map<String, Double> massKg, Map<String, Map<String, Double>> liveSeconds, String source,
      String unit) {
    StringBuilder sb = new StringBuilder("[");
    for (String d : massKg.keySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append("{\"detector\":\"").append(d).append("\",\"mass_kg\":").append(massKg.get(d))
          .append(",\"exposures\":[");
      boolean first = true;
      for (var e : liveSeconds.get(d).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append("{\"source\":\"").append(source).append("\",\"period\":\"").append(e.getKey())
            .append("\",\"exposure\":").append(e.getValue()).append(",\"exposure_unit\":\"").append(unit)
            .append("\",\"live_seconds\":").append(e.getValue()).append('}');
      }
      sb.append("]}");
    }
    return sb.append(']').toString();
  }

  /** {@code meta} of shard {@code index} of {@code count} of the run (cevns.shard), as a sharded run writes it. */
  static Map<String, String> shard(Map<String, String> meta, int index, int count) {
    Map<String, String> m = new LinkedHashMap<>(meta);
    m.put(org.cevns.events.io.TruthMetadata.SHARD, index + "/" + count);
    return m;
  }

  static Map<String, String> metadata(String exposure, String windows, boolean weighted, long seed) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(EventColumns.META_EXPOSURE, exposure);
    m.put(EventColumns.META_WINDOWS, windows == null ? "null" : windows);
    m.put(EventColumns.META_WEIGHTED, Boolean.toString(weighted));
    m.put(EventColumns.META_DROP_UNDETECTED, "false");
    m.put(EventColumns.META_SEED, Long.toString(seed));
    m.put(EventColumns.META_CONFIG, "name: test\n");
    return m;
  }

  static final String WINDOWS_6US = "{\"coincidence_start_ns\":0.0,\"coincidence_length_ns\":6000.0,"
      + "\"anticoincidence\":\"before\",\"anticoincidence_delay_ns\":6000.0}";

  static HistogramBinning binning(List<String> detectors, BinEdges energy, BinEdges time) {
    Map<String, BinEdges> e = new LinkedHashMap<>();
    Map<String, BinEdges> p = new LinkedHashMap<>();
    for (String d : detectors) {
      e.put(d, energy);
      p.put(d, BinEdges.uniform(10, 0, 100));
    }
    return new HistogramBinning(e, p, time, Optional.empty());
  }
}
