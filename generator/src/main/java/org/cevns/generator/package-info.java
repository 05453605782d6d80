/** cevns generator stage. */
package org.cevns.generator;
