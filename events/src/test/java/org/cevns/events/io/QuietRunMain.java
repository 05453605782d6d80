package org.cevns.events.io;

import java.util.List;
import java.util.Map;
import org.cevns.events.block.EventBlock;

/** A normal write and read in a fresh JVM, for {@link QuietStderrTest}: args[0] is the output directory. */
public final class QuietRunMain {
  private QuietRunMain() {}

  public static void main(String[] args) throws Exception {
    String file = args[0] + "/quiet.parquet";
    TruthParquetSink sink = TruthParquetSink.open(file, TestEvents.DICTIONARY, Map.of(), WriteOptions.defaults());
    sink.accept(0, TestEvents.blocks(1, 1000).get(0));
    sink.close();
    for (ColumnarFileReader.ReadPath p : ColumnarFileReader.ReadPath.values()) {
      try (EventFileReader r = EventFileReader.open(HadoopFiles.path(file), TruthColumns.NAMES, null,
          HadoopFiles.configuration(), p)) {
        EventBlock b = new EventBlock();
        if (!r.next(b) || b.size() != 1000) {
          throw new AssertionError("read back " + b.size() + " events");
        }
      }
    }
    ParquetMetadataReader.read(file);
    List.of(WriteOptions.parseCompression("snappy"), WriteOptions.parseCompression("zstd")).forEach(c -> {
      try {
        TruthParquetSink s = TruthParquetSink.open(args[0] + "/" + c + ".parquet", TestEvents.DICTIONARY, Map.of(),
            WriteOptions.defaults().withCompression(c));
        s.accept(0, TestEvents.blocks(2, 100).get(0));
        s.close();
        EventFileReader.open(args[0] + "/" + c + ".parquet").close();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    System.out.println("ok");
  }
}
