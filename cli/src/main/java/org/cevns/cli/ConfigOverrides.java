package org.cevns.cli;

import java.util.ArrayList;
import java.util.List;
import org.cevns.schema.ConfigOverride;
import picocli.CommandLine.Option;

/** The {@code --set KEY.PATH=VALUE} option of every command that reads a configuration, declared once. */
final class ConfigOverrides {
  @Option(names = "--set", paramLabel = "KEY.PATH=VALUE",
      description = {"override a configuration value before it is validated (repeatable, applied in order after"
          + " include:), e.g. --set detectors[0].mass_kg=20 --set physics.sin2_theta_w=0.24; the key path as in"
          + " error messages (list items [i], 0-based), the value read as YAML (20, 2.5e3, true, [cevns, eves],"
          + " {box_m: [1, 1, 1]}); the resolved configuration (config hash, recorded config) includes it"})
  List<String> sets = new ArrayList<>();

  /** The parsed overrides; throws ConfigException (exit 2) for a malformed one. */
  List<ConfigOverride> parsed() {
    return ConfigOverride.parseAll(sets);
  }

  /** The command-line arguments that repeat these overrides ({@code --set A --set B}). */
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    sets.forEach(s -> args.addAll(List.of("--set", s)));
    return args;
  }
}
