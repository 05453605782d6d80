package org.cevns.mapreduce;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.cevns.events.block.EventBlock;
import org.cevns.events.io.EventFileReader;

/** Hadoop's local job runner in a temporary directory, and reading events back. */
final class LocalJobs {
  static final Path CONFIGS = Path.of("../configs").toAbsolutePath().normalize();

  private LocalJobs() {}

  /** A configuration running jobs in this JVM on the local file system, with Hadoop's scratch under {@code tmp}. */
  static Configuration conf(Path tmp) {
    Configuration c = new Configuration();
    c.set("mapreduce.framework.name", "local");
    c.set("fs.defaultFS", "file:///");
    c.set("hadoop.tmp.dir", tmp.resolve("hadoop-tmp").toString());
    return c;
  }

  /** Every event of a file or directory of shards, all truth columns as numbers. */
  static List<double[]> read(Path p) throws IOException {
    List<double[]> out = new ArrayList<>();
    try (EventFileReader r = EventFileReader.open(p.toString())) {
      EventBlock b = new EventBlock();
      while (r.next(b)) {
        for (int i = 0; i < b.size(); i++) {
          out.add(new double[] {b.eventId[i], b.detector[i], b.process[i], b.flavor[i], b.parent[i], b.enuMeV[i],
              b.targetZ[i], b.targetA[i], b.recoilKeV[i], b.timeNs[i], b.period[i], b.weight[i]});
        }
      }
    }
    return out;
  }

  /** Names of all files under {@code dir} (recursive), relative, sorted. */
  static List<String> tree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  /** Files of {@code dir} not starting with a dot, sorted. */
  static List<String> visible(Path dir) throws IOException {
    return tree(dir).stream().filter(n -> !Path.of(n).getFileName().toString().startsWith(".")).toList();
  }

  /** Hidden files of {@code dir} (names starting with a dot), sorted. */
  static List<String> hidden(Path dir) throws IOException {
    return tree(dir).stream().filter(n -> Path.of(n).getFileName().toString().startsWith(".")).toList();
  }

  /** The metadata without the entries that differ between shards and the unsharded file. */
  static Map<String, String> common(Map<String, String> metadata) {
    Map<String, String> m = new TreeMap<>(metadata);
    m.remove("cevns.shard");
    m.remove("cevns.run_events");
    m.remove("cevns.events");
    return m;
  }
}
