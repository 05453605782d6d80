package org.cevns.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cevns.analysis.importer.EventImporter;
import org.cevns.analysis.importer.ImportException;
import org.cevns.analysis.importer.ImportMapping;
import org.cevns.analysis.importer.ImportMapping.InputFile;
import org.cevns.analysis.importer.MappingParser;
import org.cevns.events.io.WriteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cevns import}: external event lists (measured data) into a cevns detector-level event file. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports measured events (text, CSV, TSV or Parquet) into a detector-level event file for cevns analyze.",
      "cevns analyze reads it like a simulation output: observed energy (keVee), time (ns since the pulse),",
      "beam window, detector, period, and the exposure and live time the templates are scaled to. Data",
      "without windows (reactor ON or OFF) may leave the time out: energies only.",
      "The mapping (which column holds what, in which unit; detector, source, windows, exposure) is a small",
      "YAML file (--mapping), a ready mapping of a published data release (--format), or KEY=VALUE items",
      "(--set, on top of either). Ready mappings: " + "coherent-csi-2021, coherent-lar-2020"
          + " (INPUT is the directory holding the release's files as published).",
      "Everything is checked before the output is written (one line naming the key or file and column);",
      "the output is written under a temporary name and never replaces an input. Keys: docs/real-data.md."
    },
    footer = {"", HelpText.EXAMPLES,
        "  cevns import --format coherent-csi-2021 configs/data/coherent-csi-2021 \\",
        "      -o csi-data.parquet",
        "  cevns analyze configs/coherent-csi.yaml -i csi-data.parquet -o out/csi-data",
        "  cevns import events.csv --mapping my-detector.yaml \\",
        "      --set window=anticoincidence -o ac.parquet",
        "  cevns import on.csv --mapping c2.yaml --set period=on -o on.parquet",
        "", HelpText.EXIT_CODES})
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "INPUT",
      description = "input files (each gets the mapping's window), or the one directory holding the mapping's files:")
  List<Path> inputs;

  @Option(names = "--format", paramLabel = "NAME", description = "ready mapping: coherent-csi-2021 | coherent-lar-2020")
  String format;

  @Option(names = "--mapping", paramLabel = "FILE", description = "mapping YAML (keys: docs/real-data.md)")
  Path mapping;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "set a mapping key, e.g. columns.energy.unit=kevee")
  List<String> sets = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "output Parquet file")
  String output;

  @Option(names = "--overwrite", description = "replace FILE if it exists (only once the new file is complete)")
  boolean overwrite;

  @Option(names = "--quiet", description = "no summary line")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (format != null && mapping != null) {
      throw new UserException("--format and --mapping: give one of them, not both");
    }
    String text;
    String name;
    if (format != null) {
      text = MappingParser.builtIn(format);
      name = "--format " + format;
    } else if (mapping != null) {
      if (!Files.isRegularFile(mapping)) {
        throw new UserException(mapping + ": no such mapping file");
      }
      if (Files.size(mapping) > org.cevns.schema.ConfigLoader.MAX_CONFIG_BYTES) {
        throw new UserException(mapping + ": a mapping must be at most 1 MiB, got " + Files.size(mapping) + " bytes");
      }
      try {
        text = Files.readString(mapping, StandardCharsets.UTF_8);
      } catch (java.nio.charset.CharacterCodingException e) {
        throw new UserException(ImportException.reading(mapping, "cannot read it", e).getMessage(), e);
      }
      name = mapping.toString();
    } else if (!sets.isEmpty()) {
      text = "";
      name = "--set";
    } else {
      throw new UserException("give the mapping: --format NAME, --mapping FILE or --set KEY=VALUE items");
    }
    ImportMapping m = MappingParser.parse(text, name, sets);
    List<InputFile> files = new ArrayList<>();
    Path base;
    if (!m.files().isEmpty()) {
      if (inputs.size() != 1 || !Files.isDirectory(inputs.get(0))) {
        throw new UserException(inputs.get(0) + ": " + (inputs.size() != 1 ? "give one INPUT, " : "is not a directory; ")
            + "the mapping lists its files (" + String.join(", ", m.files().stream().map(InputFile::path).toList())
            + "), INPUT must be the directory holding them");
      }
      base = inputs.get(0);
      files.addAll(m.files());
    } else {
      base = Path.of("");
      for (Path p : inputs) {
        files.add(new InputFile(p.toString(), m.defaultWindow()));
      }
    }
    List<String> all = new ArrayList<>();
    files.forEach(f -> all.add(base.resolve(f.path()).toString()));
    refuseTwice(all);
    if (Files.isDirectory(Path.of(output))) { // before: "exists; use --overwrite", also when --overwrite was given
      throw new UserException(output + ": is a directory; the output is one Parquet file: give its file name");
    }
    if (mapping != null) {
      all.add(mapping.toString());
    }
    OutputFiles.refuseInputs(output, all);
    String recorded = text + (sets.isEmpty() ? "" : "\n# --set " + String.join(" --set ", sets) + "\n");
    EventImporter.Summary s;
    try {
      s = EventImporter.run(m, recorded, files, base, output, WriteOptions.defaults().withOverwrite(overwrite));
    } catch (ImportException e) {
      throw new UserException(e.getMessage(), e);
    } catch (IOException e) {
      // instanceof, not a catch clause: the verifier loads a caught type with the class, and this command class
      // is loaded for every cevns command line (--version included), which should load no Hadoop class
      if (e instanceof org.cevns.events.io.OutputExistsException) {
        throw new UserException(output + ": exists; use --overwrite to replace it", e);
      }
      throw OutputFiles.cannotWrite(output, e);
    }
    for (String warning : s.warnings()) {
      spec.commandLine().getErr().println("cevns import: warning: " + warning);
    }
    if (!quiet) {
      StringBuilder sb = new StringBuilder();
      if (m.windows().isPresent()) {
        s.events().forEach((w, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ')
            .append(w.columnName()));
      } else { // reactor or steady-source data: no windows ("500 none" said nothing)
        sb.append("period ").append(m.period()).append(m.time().isEmpty() ? ", no event times" : "");
      }
      spec.commandLine().getOut().println(String.format(Locale.ROOT, "imported %d event%s (%s) of detector %s into %s",
          s.total(), s.total() == 1 ? "" : "s", sb, m.detector(), output));
    }
    return 0;
  }

  /**
   * Refuses an input file given twice (on the command line, or the same file under two names): its events were
   * imported twice, doubling the data against one exposure, exit 0.
   */
  private static void refuseTwice(List<String> inputs) {
    java.util.Map<Path, String> seen = new java.util.HashMap<>();
    for (String in : inputs) {
      Path p = Path.of(in).toAbsolutePath().normalize();
      try {
        p = p.toRealPath();
      } catch (IOException e) {
        // a missing file: the importer names it
      }
      String first = seen.putIfAbsent(p, in);
      if (first != null) {
        throw new UserException(in + ": given twice" + (first.equals(in) ? "" : " (also as " + first + ")")
            + "; allowed: each input file once (its events would be imported twice against one exposure)");
      }
    }
  }
}
