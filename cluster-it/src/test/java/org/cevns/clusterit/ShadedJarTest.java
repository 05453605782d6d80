package org.cevns.clusterit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code cevns.jar}: the bundled libraries are relocated under {@code org.cevns.shaded} (none left
 * under its own name, where a cluster's older copy could shadow it), every {@code META-INF/services} file names
 * classes that are in the jar (relocated with their services), and {@code java -jar} runs with an old Jackson
 * first on the class path; Hadoop's classes are in the jar beside it that its manifest names.
 */
class ShadedJarTest {
  static final List<String> RELOCATED = List.of("com/fasterxml/jackson/", "org/yaml/snakeyaml/", "org/apache/parquet/",
      "shaded/parquet/", "org/apache/commons/math3/", "org/apache/commons/rng/", "org/apache/commons/numbers/",
      "org/apache/commons/statistics/", "io/airlift/compress/", "org/locationtech/jts/", "picocli/");

  @Test
  void librariesAreRelocatedAndServicesNameClassesOfTheJar() throws IOException {
    Set<String> classes = new HashSet<>();
    List<String> services = new ArrayList<>();
    List<String> unrelocated = new ArrayList<>();
    try (JarFile jar = new JarFile(MiniClusterTest.JAR.toFile())) {
      for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
        String n = e.getName();
        if (n.endsWith(".class")) {
          classes.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
          if (RELOCATED.stream().anyMatch(n::startsWith)) {
            unrelocated.add(n);
          }
        } else if (n.startsWith("META-INF/services/") && !e.isDirectory()) {
          services.add(n);
        }
      }
      assertEquals(List.of(), unrelocated.subList(0, Math.min(5, unrelocated.size())));
      assertTrue(classes.contains("org.cevns.shaded.com.fasterxml.jackson.dataformat.yaml.YAMLFactory"));
      List<String> broken = new ArrayList<>();
      for (String s : services) {
        String service = s.substring("META-INF/services/".length());
        if (RELOCATED.stream().anyMatch(p -> service.startsWith(p.replace('/', '.')))) {
          broken.add(s + " (service interface not relocated)");
        }
        String text = new String(jar.getInputStream(jar.getEntry(s)).readAllBytes(), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
          String impl = line.replaceAll("#.*", "").strip();
          if (!impl.isEmpty() && !classes.contains(impl) && service.startsWith("org.cevns.shaded")) {
            broken.add(s + ": " + impl);
          }
        }
      }
      assertEquals(List.of(), broken);
    }
  }

  /**
   * Hadoop's classes are in {@code lib/cevns-hadoop.jar} beside the jar, which the jar's manifest names (cli/pom.xml):
   * none left in {@code cevns.jar} (every start reads its central directory), nothing else in the second jar but
   * Hadoop's classes and the licence files.
   */
  @Test
  void hadoopIsInTheJarTheManifestNames() throws IOException {
    try (JarFile jar = new JarFile(MiniClusterTest.JAR.toFile())) {
      assertEquals("lib/cevns-hadoop.jar", jar.getManifest().getMainAttributes().getValue("Class-Path"));
      assertEquals(List.of(), jar.stream().map(JarEntry::getName)
          .filter(n -> n.startsWith("org/apache/hadoop/") && n.endsWith(".class")).limit(5).toList());
    }
    try (JarFile lib = new JarFile(MiniClusterTest.JAR.resolveSibling("lib/cevns-hadoop.jar").toFile())) {
      List<String> other = lib.stream().map(JarEntry::getName)
          .filter(n -> !n.startsWith("org/apache/hadoop/") && !n.endsWith("/") && !n.equals("META-INF/MANIFEST.MF")
              && !List.of("META-INF/LICENSE", "META-INF/NOTICE", "META-INF/THIRD-PARTY.txt").contains(n))
          .toList();
      assertEquals(List.of(), other);
      assertTrue(lib.getEntry("org/apache/hadoop/conf/Configuration.class") != null);
    }
  }

  /** {@code java -cp jackson-2.12...:cevns.jar org.cevns.cli.Main rates}: the YAML is parsed by cevns' Jackson. */
  @Test
  void runsWithAnOlderJacksonFirstOnTheClassPath() throws Exception {
    String old = System.getProperty("java.class.path");
    StringBuilder cp = new StringBuilder();
    for (String e : old.split(java.io.File.pathSeparator)) {
      if (e.contains("jackson")) {
        cp.append(e).append(java.io.File.pathSeparator);
      }
    }
    assertTrue(cp.toString().contains("jackson-core-2.12"), cp.toString());
    MiniClusterTest.Run r = MiniClusterTest.java(cp + MiniClusterTest.JAR.toString(), "org.cevns.cli.Main",
        List.of("rates", MiniClusterTest.CONFIG.toString(), "--json"));
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("flux_averaged_xs_cm2"), r.output());
    assertTrue(Files.isRegularFile(MiniClusterTest.JAR));
  }
}
