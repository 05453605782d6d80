package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz classes of the issue-16 campaign in reduced, seeded form: every case must end with exit 1 or 2,
 * exactly one line on stderr, no stack trace and nothing under the final output name. Each case is one seed
 * (or one numeric key), so a failure names its reproducer.
 */
class FuzzTest {
  static final Path CONFIGS = GenerateCommandTest.CONFIGS;
  static final List<String> BASES = List.of("coherent-csi.yaml", "conus-plus.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  @TempDir static Path tmp;
  static Path truth;

  @BeforeAll
  static void truthFile() {
    truth = tmp.resolve("truth.parquet");
    CliRunner.Result r = CliRunner.run("generate", CONFIGS.resolve("coherent-csi.yaml").toString(), "-o",
        truth.toString(), "--events", "100000", "--seed", "1", "--quiet");
    assertTrue(r.exitCode() == 0, r.err());
  }

  /** A path to a node of the tree: map keys and list indices. */
  record Leaf(String base, List<Object> path) {
    @Override
    public String toString() {
      return base + ":" + path;
    }
  }

  private static JsonNode tree(String base) throws Exception {
    return YAML.readTree(CONFIGS.resolve(base).toFile());
  }

  private static void collect(JsonNode n, List<Object> path, List<List<Object>> out, boolean numbersOnly) {
    if (!numbersOnly || n.isNumber()) {
      out.add(List.copyOf(path));
    }
    if (n.isObject()) {
      n.fieldNames().forEachRemaining(k -> {
        path.add(k);
        collect(n.get(k), path, out, numbersOnly);
        path.remove(path.size() - 1);
      });
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        path.add(i);
        collect(n.get(i), path, out, numbersOnly);
        path.remove(path.size() - 1);
      }
    }
  }

  private static JsonNode replace(JsonNode root, List<Object> path, JsonNode value) {
    if (path.isEmpty()) {
      return value;
    }
    JsonNode parent = root;
    for (Object p : path.subList(0, path.size() - 1)) {
      parent = p instanceof Integer i ? parent.get(i) : parent.get((String) p);
    }
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer i) {
      ((ArrayNode) parent).set(i, value);
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
    return root;
  }

  private static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode n = root;
    for (Object p : path) {
      n = p instanceof Integer i ? n.get(i) : n.get((String) p);
    }
    return n;
  }

  private static CliRunner.Result generate(Path config, Path out) {
    return CliRunner.run("generate", config.toString(), "-o", out.toString(), "--events", "10", "--seed", "1",
        "--quiet");
  }

  // ------------------------------------------------------------------ every numeric key at its extremes

  /** Values no numeric key accepts: beyond ±1e30, NaN, a quoted number, a boolean, a list. */
  static final List<JsonNode> EXTREMES = List.of(F.numberNode(1e300), F.numberNode(-1e300), F.numberNode(1e31),
      F.numberNode(Double.NaN), F.textNode("1e6"), F.booleanNode(true), F.arrayNode().add(1));

  static Stream<Leaf> numericKeys() throws Exception {
    List<Leaf> leaves = new ArrayList<>();
    for (String base : BASES) {
      List<List<Object>> paths = new ArrayList<>();
      collect(tree(base), new ArrayList<>(), paths, true);
      paths.forEach(p -> leaves.add(new Leaf(base, p)));
    }
    return leaves.stream();
  }

  @ParameterizedTest
  @MethodSource("numericKeys")
  void everyNumericKeyRefusesExtremes(Leaf leaf) throws Exception {
    // one extreme per key, chosen by a seed derived from the key, so the set of cases stays small
    JsonNode value = EXTREMES.get(Math.floorMod(leaf.toString().hashCode(), EXTREMES.size()));
    JsonNode t = replace(tree(leaf.base()), leaf.path(), value);
    Path config = tmp.resolve("num-" + Math.abs(leaf.toString().hashCode()) + ".yaml");
    YAML.writeValue(config.toFile(), t);
    Path out = tmp.resolve("num.parquet");
    CliRunner.Result r = generate(config, out);
    Failures.assertClean(2, r, out);
  }

  // ------------------------------------------------------------------ structural configs

  static IntStream seeds() {
    return IntStream.range(0, 24);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void structuralMutationsAreOneLineExit2(int seed) throws Exception {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create((long) (1600 + seed));
    String base = BASES.get(seed % BASES.size());
    JsonNode t = tree(base);
    List<List<Object>> nodes = new ArrayList<>();
    collect(t, new ArrayList<>(), nodes, false);
    List<Object> path = nodes.get(1 + rng.nextInt(nodes.size() - 1));
    JsonNode target = at(t, path);
    JsonNode mutated = switch (seed % 4) {
      case 0 -> target.isObject() ? ((ObjectNode) target.deepCopy()).set("zz_fuzz_" + seed,
          F.objectNode().put("x", 1)) : F.objectNode().put("zz_fuzz_" + seed, 1);
      case 1 -> target.isContainerNode() ? F.textNode("fuzz") : F.objectNode().set("nested", F.arrayNode());
      case 2 -> target.isArray() ? F.objectNode() : F.arrayNode().add(F.arrayNode()).add(F.objectNode());
      default -> F.nullNode();
    };
    replace(t, path, mutated);
    Path config = tmp.resolve("struct-" + seed + ".yaml");
    YAML.writeValue(config.toFile(), t);
    Path out = tmp.resolve("struct.parquet");
    Failures.assertClean(2, generate(config, out), out);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void truncatedOrGarbledTextIsOneLineExit2(int seed) throws Exception {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create((long) (1700 + seed));
    String text = Files.readString(CONFIGS.resolve(BASES.get(seed % BASES.size())));
    String fuzzed = switch (seed % 3) {
      case 0 -> text.substring(0, rng.nextInt(text.indexOf("detectors:"))); // cut before the detectors
      case 1 -> text + "\n" + "[".repeat(1 + rng.nextInt(200)) + "\n";
      default -> text.replaceFirst("\n", "\n\t" + (char) (0x21 + rng.nextInt(90)) + ": &a [*a]\n");
    };
    Path config = Files.writeString(tmp.resolve("text-" + seed + ".yaml"), fuzzed);
    Path out = tmp.resolve("text.parquet");
    Failures.assertClean(2, generate(config, out), out);
  }

  // ------------------------------------------------------------------ command-line arguments

  static final List<List<String>> BAD_OPTIONS = List.of(List.of("--threads", "0"), List.of("--threads", "x"),
      List.of("--events", "-1"), List.of("--events", "1e18"), List.of("--events", "1000000000001"),
      List.of("--seed", "x"), List.of("--shard", "3/3"), List.of("--shard", "-1/2"), List.of("--shard", "0/0"),
      List.of("--compression", "foo"), List.of("--bogus"), List.of("--events"));

  @ParameterizedTest
  @MethodSource("seeds")
  void badArgumentsAreOneLineExit2(int seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create((long) (1800 + seed));
    String command = List.of("generate", "simulate").get(rng.nextInt(2));
    Path out = tmp.resolve("args.parquet");
    List<String> args = new ArrayList<>(List.of(command, CONFIGS.resolve("coherent-csi.yaml").toString(), "-o",
        out.toString(), "--quiet"));
    args.addAll(BAD_OPTIONS.get(seed % BAD_OPTIONS.size()));
    if (rng.nextBoolean()) { // plus a valid option, in either order
      args.add(1 + rng.nextInt(args.size() - 1), "--threads=1");
    }
    Failures.assertClean(2, CliRunner.run(args.toArray(String[]::new)), out);
  }

  // ------------------------------------------------------------------ Parquet inputs

  @ParameterizedTest
  @MethodSource("seeds")
  void damagedTruthFilesAreOneLineExit2(int seed) throws Exception {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create((long) (1900 + seed));
    byte[] b = Files.readAllBytes(truth);
    byte[] damaged = switch (seed % 4) {
      case 0 -> java.util.Arrays.copyOf(b, rng.nextInt(b.length)); // truncated
      case 1 -> { // noise over the footer
        byte[] c = b.clone();
        for (int i = c.length - 8 - rng.nextInt(200); i < c.length - 8; i++) {
          c[i] = (byte) rng.nextInt();
        }
        yield c;
      }
      case 2 -> { // random bytes with the magic numbers
        byte[] c = new byte[1000 + rng.nextInt(10000)];
        rng.nextBytes(c);
        System.arraycopy("PAR1".getBytes(), 0, c, 0, 4);
        System.arraycopy("PAR1".getBytes(), 0, c, c.length - 4, 4);
        yield c;
      }
      default -> { // noise over most column chunks
        byte[] c = b.clone();
        byte[] noise = new byte[1024];
        rng.nextBytes(noise);
        for (int k = 1; k <= 9; k++) {
          System.arraycopy(noise, 0, c, c.length * k / 12, noise.length);
        }
        yield c;
      }
    };
    Path in = Files.write(tmp.resolve("damaged-" + seed + ".parquet"), damaged);
    Path out = tmp.resolve("detsim-" + seed + ".parquet");
    CliRunner.Result r = CliRunner.run("detsim", CONFIGS.resolve("coherent-csi.yaml").toString(), "-i", in.toString(),
        "-o", out.toString(), "--quiet", "--no-backgrounds");
    Failures.assertClean(2, r, out);
  }

  // ------------------------------------------------------------------ faults

  @ParameterizedTest
  @MethodSource("seeds")
  void writeFailuresAtAnyPointAreOneLineAndLeaveNothing(int seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create((long) (2000 + seed));
    Path out = tmp.resolve("fault-" + seed + ".parquet");
    String command = seed % 2 == 0 ? "generate" : "simulate";
    FailingFileSystem.BUDGET_BYTES.set(rng.nextInt(2_000_000));
    try {
      CliRunner.Result r = CliRunner.run(command, CONFIGS.resolve("coherent-csi.yaml").toString(), "-o",
          "faulty://" + out, "--events", "200000", "--seed", "1", "--quiet");
      Failures.assertClean(0, r, out);
    } finally {
      FailingFileSystem.BUDGET_BYTES.set(-1);
    }
  }
}
