package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cevns.generator.model.ExperimentModel;
import org.cevns.generator.run.TableFootprint;
import org.cevns.schema.ConfigLoader;
import org.cevns.schema.GeneratorSettings;
import org.junit.jupiter.api.Test;

/**
 * The heap rule of bin/cevns and {@link HeapBudget}: 128 MB + 32 MB per pool block + the tables in G1's regions.
 * reference.yaml's 119 tables of 512 x 256 nodes (2.1 MB floats each, 3 MB in 1 MB regions; 136 before the isotopes
 * of one element shared their EvES tables, 2026-12-06) need 481 MB at one thread: more than the launcher's 288 MB, the
 * OutOfMemoryError this replaces.
 */
class HeapBudgetTest {
  private static ExperimentModel model(String name) {
    return ExperimentModel.build(ConfigLoader.load(Path.of("..", "configs", name).toAbsolutePath().normalize()));
  }

  @Test
  void referenceNeedsMoreThanTheLauncherGivesAndLarDoesNot() {
    TableFootprint ref = TableFootprint.of(model("reference.yaml"), GeneratorSettings.defaults());
    assertEquals(481, HeapBudget.neededMb(ref, 1));
    assertEquals(545, HeapBudget.neededMb(ref, 2));
    TableFootprint lar = TableFootprint.of(model("coherent-lar.yaml"), GeneratorSettings.defaults());
    long launcherOneThread = 128 + 64 + 3 * 32; // bin/cevns, --threads 1
    assertTrue(HeapBudget.neededMb(lar, 1) <= launcherOneThread, "" + HeapBudget.neededMb(lar, 1));
    assertTrue(HeapBudget.neededMb(lar, 2) <= launcherOneThread + 64, "" + HeapBudget.neededMb(lar, 2));
  }

  /** Configs that ran in bin/cevns' heap before still start there (no child JVM): 64 MB beside tables and pool. */
  @Test
  void dresdenAtTwoThreadsStillFitsTheLauncherHeap() {
    TableFootprint dresden = TableFootprint.of(model("dresden-ii.yaml"), GeneratorSettings.defaults());
    long least = HeapBudget.neededMb(dresden, 2, 1L << 20) - HeapBudget.FIXED_MB + HeapBudget.MIN_FIXED_MB;
    assertTrue(least <= 128 + 64 + 5 * 32, "" + least);
  }

  /**
   * simulate fills a row group of up to 128 MiB in memory: dresden-ii at 2 threads ran out of memory in generate's
   * 352 MB; counted, it needs more than that and fits the 544 MB bin/cevns gives simulate (no child JVM).
   */
  @Test
  void simulateCountsItsRowGroup() {
    TableFootprint dresden = TableFootprint.of(model("dresden-ii.yaml"), GeneratorSettings.defaults());
    long least = HeapBudget.neededMb(dresden, 2, 1L << 20, HeapBudget.BUFFERED_ROW_GROUP_MB) - HeapBudget.FIXED_MB
        + HeapBudget.MIN_FIXED_MB;
    long generateLauncher = 128 + 64 + 5 * 32;
    assertTrue(least > generateLauncher, "" + least);
    assertTrue(least <= generateLauncher + HeapBudget.BUFFERED_ROW_GROUP_MB, "" + least);
    assertEquals(HeapBudget.neededMb(dresden, 2, 1L << 20) + HeapBudget.BUFFERED_ROW_GROUP_MB,
        HeapBudget.neededMb(dresden, 2, 1L << 20, HeapBudget.BUFFERED_ROW_GROUP_MB));
    String m = HeapBudget.message(dresden, GeneratorSettings.defaults(), 2, 602, 352L << 20,
        HeapBudget.BUFFERED_ROW_GROUP_MB);
    assertTrue(m.contains("take 122 MB, and 2 worker threads and the row group being written need 480 MB more, but Java"
        + " has 352 MB; give it -Xmx602m"), m);
  }

  @Test
  void tooSmallIsOneLineExitOneNamingTheHeap() {
    ExperimentModel m = model("reference.yaml");
    GeneratorSettings s = GeneratorSettings.defaults();
    TableFootprint ref = TableFootprint.of(m, s);
    Failure f = Failure.of(new RuntimeException(new HeapBudget.TooSmall(
        HeapBudget.message(ref, s, 1, HeapBudget.neededMb(ref, 1), 288L << 20))));
    assertEquals(Main.EXIT_INTERNAL_ERROR, f.exitCode());
    assertTrue(f.message().startsWith("not enough heap: the sampling tables of this configuration (119 tables for"
        + " 136 channels, generator.energy_nodes 512 x recoil_nodes 256) take 257 MB, and 1 worker thread need"
        + " 224 MB more, but Java has 288 MB; give it -Xmx481m"), f.message());
  }

  /** Above 2 GB G1's regions grow, and a 2.1 MB array takes two 2 MB regions, not three 1 MB ones. */
  @Test
  void largeHeapsCountLargerRegions() {
    TableFootprint nucleus = TableFootprint.of(model("nucleus.yaml"), new GeneratorSettings(false, 1024, 512));
    long needed = HeapBudget.neededMb(nucleus, 2);
    long region = TableFootprint.g1RegionBytes(needed << 20);
    assertTrue(region > 1L << 20, "region " + region);
    assertEquals(needed, Math.max(needed, HeapBudget.neededMb(nucleus, 2, region)));
  }

  /**
   * Under ulimit -v the child JVM with the heap reference.yaml needs (481 MB at one thread) must fit the address
   * space: 481 + 481 / 32 + 652 (bin/cevns' jvm_mb with the client compiler on 3 CPUs) = 1148 MB. At 1,200,000 KB
   * (1171 MB) it does, at 1,150,000 KB (1123 MB) it does not, and the refusal is one line naming the limit and the
   * ulimit -v that would do (before, the child failed with the JVM's "Could not reserve enough space" lines).
   */
  @Test
  void childHeapMustFitTheVirtualMemoryLimit() {
    GeneratorSettings s = GeneratorSettings.defaults();
    TableFootprint ref = TableFootprint.of(model("reference.yaml"), s);
    long needed = HeapBudget.neededMb(ref, 1);
    assertTrue(HeapBudget.fitsAddressSpace(needed, 1_200_000, 652));
    assertTrue(HeapBudget.fitsAddressSpace(needed, 1148 * 1024, 652));
    assertFalse(HeapBudget.fitsAddressSpace(needed, 1148 * 1024 - 1, 652));
    assertFalse(HeapBudget.fitsAddressSpace(needed, 1_150_000, 652));
    Failure f = Failure.of(new HeapBudget.TooSmall(HeapBudget.addressSpaceMessage(ref, s, needed, 1_150_000, 652)));
    assertEquals(Main.EXIT_INTERNAL_ERROR, f.exitCode());
    assertEquals("not enough heap: the sampling tables of this configuration (119 tables for 136 channels,"
        + " generator.energy_nodes 512 x recoil_nodes 256) need a heap of 481 MB, and Java with it needs about 1148 MB"
        + " of address space, more than the virtual-memory limit (ulimit -v 1150000 KB = 1123 MB); raise it (ulimit"
        + " -v 1175552 or unlimited), run on a node without it, or use fewer nodes", f.message());
  }
}
