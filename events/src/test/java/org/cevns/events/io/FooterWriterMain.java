package org.cevns.events.io;

import java.util.Map;

/**
 * Writes one truth file in a fresh JVM, for {@link FooterWriterTest#writingLoadsNoJsonMapper}: args[0] is the output
 * directory.
 */
public final class FooterWriterMain {
  private FooterWriterMain() {}

  public static void main(String[] args) throws Exception {
    TruthParquetSink sink = TruthParquetSink.open(args[0] + "/mapper.parquet", TestEvents.DICTIONARY, Map.of(),
        WriteOptions.defaults());
    sink.accept(0, TestEvents.blocks(1, 1000).get(0));
    sink.close();
    System.out.println("ok");
  }
}
