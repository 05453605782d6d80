package org.cevns.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The shipped configs name data and spectrum files relative to their own directory ({@code configs/data},
 * {@code configs/spectra}); a test that copies or edits a config into a temporary directory copies these beside it.
 */
final class ConfigCopies {
  private ConfigCopies() {}

  /** Copies {@code configs/data} and {@code configs/spectra} into {@code dir} (existing files are kept). */
  static void copyDataBeside(Path dir) throws IOException {
    for (String sub : new String[] {"data", "spectra"}) {
      Path from = GenerateCommandTest.CONFIGS.resolve(sub);
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : files.toList()) {
          Path target = dir.resolve(sub).resolve(from.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(target);
          } else if (!Files.exists(target)) {
            Files.copy(f, target);
          }
        }
      }
    }
  }
}
