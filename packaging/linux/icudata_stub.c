/* An empty ICU common-data package, linked in place of Qt's 32 MB libicudata.
 *
 * Qt's libraries need libicudata only to load; Switchover uses none of the ICU data in it
 * (collation, legacy codecs, ICU time zones: Qt's own tables and the tz database serve the
 * rest). ICU accepts an empty package and reports "missing resource" for any lookup.
 * Build: gcc -shared -DICU_DATA_SYMBOL=icudt73_dat -Wl,-soname,libicudata.so.73
 */
#include <stdint.h>

#ifndef ICU_DATA_SYMBOL
#error "define ICU_DATA_SYMBOL, e.g. icudt73_dat"
#endif

/* ICU's DataHeader (MappedData + UDataInfo, padded to 32 bytes), then a table of contents
   with no entries ("CmnD" format 1). */
__attribute__((visibility("default"), aligned(16)))
const struct {
    uint16_t header_size;
    uint8_t magic1, magic2;
    uint16_t info_size, reserved_word;
    uint8_t is_big_endian, charset_family, sizeof_uchar, reserved_byte;
    uint8_t data_format[4], format_version[4], data_version[4];
    uint8_t padding[4];
    uint32_t entry_count;
} ICU_DATA_SYMBOL = {
    32, 0xda, 0x27,
    20, 0,
    0, 0, 2, 0,
    {'C', 'm', 'n', 'D'}, {1, 0, 0, 0}, {0, 0, 0, 0},
    {0, 0, 0, 0},
    0,
};
