/*
 * trace_assets.h -- the viewer's source files (src/viewer/), built into
 * the binary: CMake's cmake/embed.cmake writes each one as a byte array,
 * ending with a 0 byte, into the generated trace_assets.c.
 *
 * Owns: nothing but these names; the files themselves are the source.
 * Never: edited by hand in the build tree; edit src/viewer/ instead.
 */
#ifndef MINISH_TRACE_ASSETS_H
#define MINISH_TRACE_ASSETS_H

extern const unsigned char trace_asset_page[];  /* src/viewer/page.html, with @MARKERS@ */
extern const unsigned char trace_asset_css[];   /* src/viewer/viewer.css */
extern const unsigned char trace_asset_js[];    /* src/viewer/viewer.js */

#endif
