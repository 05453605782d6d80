package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Issue 12: {@link RatesFastPath} takes only the {@code rates} command lines whose meaning is plain, with the fields
 * picocli sets, and prints and exits as picocli's execution does; everything else goes to picocli.
 */
class RatesFastPathTest {
  /** Arguments separated by |; x.yaml and y.yaml are file names, not read by the parser. */
  @ParameterizedTest
  @ValueSource(strings = {"rates", "rates|--help", "rates|-h", "rates|-V", "rates|x.yaml|y.yaml",
      "rates|--json|--json|x.yaml", "rates|@args.txt", "rates|--|x.yaml", "rates|--set", "rates|x.yaml|--set",
      "rates|--set|-x|x.yaml", "rates|--set|@f|x.yaml", "rates|--set=|x.yaml", "rates|true", "rates|--json|FALSE",
      "rates|", "rates|--jsonx|x.yaml", "rates|--json=true|x.yaml", "rates|-", "generate|x.yaml", "x.yaml",
      "rates|--set|a=1", "rates|--quiet|--quiet|x.yaml", "rates|--quiet=true|x.yaml", "rates|--quiet"})
  void leavesEverythingElseToPicocli(String argLine) {
    assertNull(RatesFastPath.parse(argLine.split("\\|", -1)), argLine);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rates|x.yaml", "rates|--json|x.yaml", "rates|x.yaml|--json",
      "rates|--set|detectors[0].mass_kg=20|x.yaml|--set=physics.sin2_theta_w=0.24|--json",
      "rates|--set|name=a b|dir/x y.yaml", "rates|x.yaml|--quiet", "rates|--quiet|--json|x.yaml"})
  void setsTheFieldsPicocliSets(String argLine) {
    String[] args = argLine.split("\\|");
    RatesCommand fast = RatesFastPath.parse(args);
    assertNotNull(fast, argLine);
    CommandLine cl = Main.commandLine(args);
    RatesCommand parsed = (RatesCommand) cl.parseArgs(args).subcommand().commandSpec().userObject();
    assertEquals(parsed.config, fast.config);
    assertEquals(parsed.json, fast.json);
    assertEquals(parsed.quiet, fast.quiet);
    assertEquals(parsed.overrides.sets, fast.overrides.sets);
  }

  /** The shipped config's table and JSON, an input error and a bad override: same code, stdout and stderr. */
  @ParameterizedTest
  @ValueSource(strings = {"rates|coherent-ge.yaml", "rates|--json|coherent-ge.yaml", "rates|no-such-config.yaml",
      "rates|coherent-ge.yaml|--set|detectors[0].mass_kg=-1", "rates|coherent-ge.yaml|--set=nokey",
      "rates|coherent-ge.yaml|--quiet", "rates|--quiet|--json|coherent-ge.yaml"})
  void printsAndExitsAsPicocli(String argLine) {
    String[] args = argLine.split("\\|");
    for (int i = 0; i < args.length; i++) {
      if (args[i].endsWith(".yaml")) {
        args[i] = GenerateCommandTest.CONFIGS.resolve(args[i]).toString();
      }
    }
    RatesCommand fast = RatesFastPath.parse(args);
    assertNotNull(fast, argLine);
    assertEquals(picocli(args), fastPath(fast), argLine);
  }

  /**
   * walk31: {@code rates --quiet} was refused ("Unknown option: '--quiet'") while every other command takes it; it is
   * accepted and changes nothing (rates prints no progress), through picocli and the fast path alike.
   */
  @Test
  void quietIsAcceptedAndChangesNothing() {
    String config = GenerateCommandTest.CONFIGS.resolve("coherent-ge.yaml").toString();
    List<String> quiet = picocli(new String[] {"rates", config, "--quiet"});
    assertEquals(List.of("0", picocli(new String[] {"rates", config}).get(1), ""), quiet);
    assertEquals(quiet, fastPath(RatesFastPath.parse(new String[] {"rates", "--quiet", config})));
  }

  @Test
  void printsTheSameNumbersAsBeforeThroughBothPaths() {
    String[] args = {"rates", GenerateCommandTest.CONFIGS.resolve("coherent-ge.yaml").toString()};
    List<String> fast = fastPath(RatesFastPath.parse(args));
    assertEquals("0", fast.get(0));
    assertEquals(true, fast.get(1).startsWith("experiment "), fast.get(1));
  }

  private static List<String> picocli(String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine(args);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return List.of(String.valueOf(code), out.toString(), err.toString());
  }

  private static List<String> fastPath(RatesCommand cmd) {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Charset cs = Charset.defaultCharset();
    int code;
    try {
      System.setOut(new PrintStream(out, true, cs));
      System.setErr(new PrintStream(err, true, cs));
      code = RatesFastPath.run(cmd);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return List.of(String.valueOf(code), out.toString(cs), err.toString(cs));
  }
}
