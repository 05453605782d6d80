/**
 * The one event-file format and its Hadoop file access: the truth and detector-level schemas
 * ({@link org.cevns.events.io.TruthColumns}, {@link org.cevns.events.io.SimColumns}) with their key-value metadata
 * ({@link org.cevns.events.io.TruthMetadata}, {@link org.cevns.events.io.DetectorMetadata}), the Parquet writers
 * (through parquet-java, with footers made byte-reproducible) and the column reader
 * {@link org.cevns.events.io.ColumnarFileReader} under every later stage.
 *
 * <h2>Why the Parquet page decoder is hand-written</h2>
 *
 * Writing goes through parquet-java. Reading has three paths that fill the same targets
 * ({@link org.cevns.events.io.ColumnarFileReader.ReadPath}): parquet-java's {@code ColumnReader} value by value
 * ({@code COLUMNS}), parquet-java's record assembly ({@code RECORDS}), and cevns' own bulk decoding of each page
 * ({@code PAGES}, the default: {@code PageColumnReader}, {@code HybridDecoder}, {@code ZstdReadCodecs}; PLAIN numbers
 * by a little-endian copy, dictionary ids and definition levels by the RLE/bit-packing hybrid with parquet-java's
 * {@code BytePacker}, ZSTD pages by one zstd-jni call each). It is kept because the analysis reads event files at
 * several times the speed of parquet-java's readers, which the analysis throughput target (&ge; 5e7 rows/s on
 * 2 cores) needs. Re-measured after the module split, 2026-12-03 18:26–18:33 UTC, load average 15–20 on
 * 2 cores (other builds running, so rates per CPU-second of the reading thread are the comparable numbers):
 *
 * <pre>
 * bench/run.sh  (its "Parquet read paths" phase:)
 * java -cp benchmarks/target/benchmarks.jar org.cevns.benchmarks.ParquetWriteBench \
 *     --events 2e7 --codecs zstd --repeat 3 --read-path all
 * </pre>
 *
 * 2e7 truth events, ZSTD, projection {@code recoil_kev, weight, detector}, one thread, three rounds each:
 *
 * <table>
 *   <caption>events per CPU-second</caption>
 *   <tr><th>path</th><th>round 1</th><th>round 2</th><th>round 3</th></tr>
 *   <tr><td>PAGES (cevns)</td><td>3.59e7</td><td>4.98e7</td><td>5.36e7</td></tr>
 *   <tr><td>COLUMNS (parquet-java ColumnReader)</td><td>1.21e7</td><td>1.40e7</td><td>1.38e7</td></tr>
 *   <tr><td>RECORDS (parquet-java record assembly)</td><td>0.84e7</td><td>0.90e7</td><td>0.90e7</td></tr>
 * </table>
 *
 * The page decoder is 3.0–3.9&times; faster per CPU-second than the {@code ColumnReader} path and 4.3–6.0&times;
 * faster than record assembly (same checksum on all three). Both parquet-java paths stay as cross-checks in the
 * tests and as the fallback for encodings the page decoder does not take (DELTA_*, BYTE_STREAM_SPLIT, RLE
 * booleans of v2 pages). Earlier runs: docs/io.md and docs/performance-history.md.
 */
package org.cevns.events.io;
