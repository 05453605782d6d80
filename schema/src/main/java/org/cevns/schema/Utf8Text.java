package org.cevns.schema;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Where a configuration file stops being UTF-8 text, for the one line that refuses it. */
final class Utf8Text {
  private Utf8Text() {}

  /**
   * {@code line N: byte 0xE9 (a Latin-1 or Windows-1252 é, µ, ° or umlaut?)} for the first byte of {@code bytes} that
   * is not UTF-8: a configuration saved by an editor in Latin-1 with an accented comment was refused as "not UTF-8
   * text" without saying where or what to do (walkportable, twenty-seventh session).
   */
  static String firstBadByte(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(4096);
    CoderResult result;
    do {
      out.clear();
      result = decoder.decode(in, out, true);
    } while (result.isOverflow());
    int at = result.isError() ? in.position() : bytes.length - 1;
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return String.format(java.util.Locale.ROOT,
        "line %d: byte 0x%02X, a Latin-1 or Windows-1252 \u00e9, \u00b5, \u00b0 or umlaut?", line,
        bytes[Math.max(at, 0)] & 0xFF);
  }
}
