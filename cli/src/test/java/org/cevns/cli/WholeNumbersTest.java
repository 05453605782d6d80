package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** Counts written in scientific notation ({@code --events 2e7}); regression: they were refused as "not a long". */
class WholeNumbersTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({"20000000, 20000000", "2e7, 20000000", "2E7, 20000000", "2.5e6, 2500000", "1e12, 1000000000000",
      "' 42 ', 42", "-3, -3", "1.000e3, 1000", "9223372036854775807, 9223372036854775807"})
  void readsWholeNumbers(String text, long expected) {
    assertEquals(expected, WholeNumbers.parseLong(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.5", "1e-3", "abc", "", "1e19", "0x10", "2e7x"})
  void refusesEverythingElse(String text) {
    assertThrows(CommandLine.TypeConversionException.class, () -> WholeNumbers.parseLong(text));
  }

  @Test
  void intOptionsRefuseValuesBeyondAnInt() {
    assertEquals(3000, WholeNumbers.parseInt("3e3"));
    assertThrows(CommandLine.TypeConversionException.class, () -> WholeNumbers.parseInt("3e9"));
  }

  @Test
  void generateTakesAnEventCountInScientificNotation() throws Exception {
    Path out = tmp.resolve("e.parquet");
    CliRunner.Result r = CliRunner.run("generate", GenerateCommandTest.CONFIGS.resolve("coherent-lar.yaml").toString(),
        "--events", "1.2e3", "--seed", "1", "--threads", "1", "--quiet", "-o", out.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(1200, ParquetRows.read(out).size());
  }

  @Test
  void aFractionalCountIsAOneLineUsageError() {
    Path out = tmp.resolve("f.parquet");
    CliRunner.Result r = CliRunner.run("generate", GenerateCommandTest.CONFIGS.resolve("coherent-lar.yaml").toString(),
        "--events", "2.5", "--quiet", "-o", out.toString());
    assertEquals(Main.EXIT_USER_ERROR, r.exitCode());
    assertTrue(r.err().contains("--events") && r.err().contains("'2.5' is not a whole number"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(Files.exists(out));
  }
}
