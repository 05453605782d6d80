package org.cevns.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cevns.events.block.EventBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cevns convert} of shards: the provenance {@code cevns.events} is the number of events in the converted
 * file (it was the first shard's for a directory of shards), and a single shard says which part of the run it is.
 */
class ConvertShardsTest {
  static final long EVENTS = EventBlock.CAPACITY + 10L;
  @TempDir Path tmp;

  private static List<String> provenance(Path hepmc) throws IOException {
    try (Stream<String> s = Files.lines(hepmc)) {
      return s.takeWhile(l -> !l.startsWith("E ")).filter(l -> l.startsWith("A NuHepMC.Provenance.cevns.")
          && !l.startsWith("A NuHepMC.Provenance.cevns.config")).toList();
    }
  }

  private static long events(Path hepmc) throws IOException {
    try (Stream<String> s = Files.lines(hepmc)) {
      return s.filter(l -> l.startsWith("E ")).count();
    }
  }

  @Test
  void provenanceCountsTheEventsOfTheFileAndNamesTheShard() throws IOException {
    Path dir = tmp.resolve("run");
    for (int i = 0; i < 2; i++) {
      CliRunner.Result g = CliRunner.run("generate", BatchShardsTest.CONFIG, "--events", "" + EVENTS, "--seed", "3",
          "--shard", i + "/2", "--threads", "1", "--quiet", "-o", dir.resolve("part-0000" + i + ".parquet").toString());
      assertEquals(0, g.exitCode(), g.err());
    }
    Path whole = tmp.resolve("whole.hepmc3");
    CliRunner.Result c = CliRunner.run("convert", dir.toString(), "--to", "hepmc3", "-o", whole.toString(), "--quiet");
    assertEquals(0, c.exitCode(), c.err());
    assertEquals(EVENTS, events(whole));
    List<String> p = provenance(whole);
    assertTrue(p.contains("A NuHepMC.Provenance.cevns.events " + EVENTS), p.toString());
    assertFalse(p.stream().anyMatch(l -> l.contains(".shard ") || l.contains(".run_events ")), p.toString());
    Files.delete(whole);

    Path one = tmp.resolve("one.hepmc3");
    c = CliRunner.run("convert", dir.resolve("part-00001.parquet").toString(), "--to", "hepmc3", "-o", one.toString(),
        "--quiet");
    assertEquals(0, c.exitCode(), c.err());
    assertEquals(10, events(one));
    p = provenance(one);
    assertTrue(p.contains("A NuHepMC.Provenance.cevns.events 10"), p.toString());
    assertTrue(p.contains("A NuHepMC.Provenance.cevns.shard 1/2"), p.toString());
    assertTrue(p.contains("A NuHepMC.Provenance.cevns.run_events " + EVENTS), p.toString());
  }
}
