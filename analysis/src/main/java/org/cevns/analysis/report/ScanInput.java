package org.cevns.analysis.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cevns.analysis.pipeline.CombinedScan;

/**
 * A {@code cevns scan} output directory read back for {@code cevns combine}: its {@value ScanOutputs#CSV} (grid and
 * −2Δln L) and {@value ScanOutputs#JSON} (experiment, data, provenance, best fit and intervals, the parameters
 * profiled and held). A directory that is not a scan output, or whose files do not agree, is refused with one line
 * naming the file ({@link IllegalArgumentException}); a file that cannot be read is an {@link IOException}.
 *
 * @param dir the directory
 * @param experiment the configuration's name
 * @param data "event files" or the Asimov dataset
 * @param provenance version, commit, seed, config_sha256 (null if the summary has none)
 * @param scan the grid and curve
 * @param profiled the parameters profiled (null for a summary written before {@code fit.profiled} existed)
 * @param held the parameters held at a value (empty if unknown)
 * @param parameters the summary's {@code fit.parameters} (best fit and Wilks intervals of each POI)
 * @param toyColumns true if the CSV has toy-calibrated critical values (not used by the combination)
 * @param templatesWarning the scan's template-statistics warning, or null
 */
public record ScanInput(Path dir, String experiment, String data, JsonNode provenance, CombinedScan.Input scan,
    List<String> profiled, Map<String, Double> held, JsonNode parameters, boolean toyColumns,
    String templatesWarning) {

  /** True if the scan was of the Asimov dataset (an expectation, not a measurement). */
  public boolean asimov() {
    return data.startsWith("Asimov");
  }

  /** Reads the scan output in {@code dir}. */
  public static ScanInput read(Path dir) throws IOException {
    Path csv = dir.resolve(ScanOutputs.CSV);
    Path json = dir.resolve(ScanOutputs.JSON);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": not a directory (give the output directory of cevns scan)");
    }
    if (!Files.isRegularFile(json)) {
      throw new IllegalArgumentException(dir + ": no " + ScanOutputs.JSON + " (not an output of cevns scan)");
    }
    if (!Files.isRegularFile(csv)) {
      throw new IllegalArgumentException(dir + ": no " + ScanOutputs.CSV + " (an output of cevns fit has no grid:"
          + " run cevns scan --poi NAME=A:B:N)");
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json.toFile());
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(json + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonNode fit = root.path("fit");
    if (!root.path("experiment").isTextual() || !fit.path("parameters").isArray()) {
      throw new IllegalArgumentException(json + ": not a summary of cevns scan (no experiment or fit.parameters)");
    }
    List<String> pois = new ArrayList<>();
    fit.get("parameters").forEach(p -> pois.add(p.path("name").asText()));
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    CombinedScan.Input scan = parse(csv, lines, pois);
    List<String> profiled = null;
    if (fit.path("profiled").isArray()) {
      profiled = new ArrayList<>();
      for (JsonNode n : fit.get("profiled")) {
        profiled.add(n.asText());
      }
    }
    Map<String, Double> held = new LinkedHashMap<>();
    fit.path("held").fields().forEachRemaining(e -> held.put(e.getKey(), e.getValue().asDouble()));
    JsonNode provenance = root.get("provenance");
    String warning = root.path("templates_warning").isTextual() ? root.get("templates_warning").asText() : null;
    return new ScanInput(dir, root.get("experiment").asText(), root.path("data").asText(""), provenance, scan,
        profiled == null ? null : List.copyOf(profiled), Map.copyOf(held), fit.get("parameters"),
        lines.get(0).contains(ScanOutputs.TOY_COLUMNS.get(0)), warning);
  }

  /** The grid and curve of {@code lines} (the CSV), checked against the summary's parameters {@code pois}. */
  static CombinedScan.Input parse(Path csv, List<String> lines, List<String> pois) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(csv + ": empty");
    }
    String[] header = lines.get(0).split(",", -1);
    int d = pois.size();
    if (d < 1 || d > 2 || header.length < d + 1 || !List.of(header).subList(0, d).equals(pois)
        || !header[d].equals("delta_chi2")) {
      throw new IllegalArgumentException(csv + ": header " + lines.get(0) + " does not match the summary's"
          + " parameters " + pois + " followed by delta_chi2");
    }
    List<double[]> rows = new ArrayList<>();
    for (int l = 1; l < lines.size(); l++) {
      if (lines.get(l).isBlank()) {
        continue;
      }
      String[] cells = lines.get(l).split(",", -1);
      double[] row = new double[d + 1];
      for (int c = 0; c <= d; c++) {
        try {
          row[c] = Double.parseDouble(cells[c].trim());
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
          throw new IllegalArgumentException(csv + ":" + (l + 1) + ": not a number in column " + header[Math.min(c,
              header.length - 1)] + ": '" + (c < cells.length ? cells[c] : "") + "'", e);
        }
      }
      rows.add(row);
    }
    double[] y = new double[rows.size()];
    for (int k = 0; k < y.length; k++) {
      y[k] = rows.get(k)[d];
    }
    if (d == 1) {
      double[] x = rows.stream().mapToDouble(r -> r[0]).toArray();
      return new CombinedScan.Input(csv.toString(), pois, List.of(x), y);
    }
    // 2D: row-major over (first, second), as ScanOutputs writes it
    double[] xs = rows.stream().mapToDouble(r -> r[0]).distinct().toArray();
    double[] ys = rows.stream().mapToDouble(r -> r[1]).distinct().toArray();
    for (int k = 0; k < rows.size(); k++) {
      if (xs.length * ys.length != rows.size() || rows.get(k)[0] != xs[k / ys.length]
          || rows.get(k)[1] != ys[k % ys.length]) {
        throw new IllegalArgumentException(csv + ": the rows are not a full grid of " + pois + " in the order cevns"
            + " scan writes (first parameter outer)");
      }
    }
    return new CombinedScan.Input(csv.toString(), pois, List.of(xs, ys), y);
  }
}
