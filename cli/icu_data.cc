/** @file
 * @brief ICU's data for a `khabar` linked with ICU's code statically (KHABAR_STATIC_ICU): taken
 *        from the system's libicudata only when a normalizer first needs it.
 *
 * Linking libicuuc.a spares every `khabar` process loading and relocating libicuuc.so (about
 * 0.3 M instructions and 40 page faults of a search's start: bench/REPORT.md). ICU's data
 * (libicudata, 31 MB) is not linked in: ICU's reference to it (`icudt72_dat`) is satisfied by the
 * empty package defined here, which is what ICU's own stubdata library holds, and the real package
 * is handed to ICU with udata_setCommonData from libicudata.so, opened with dlopen the first time
 * text needs NFKC or NFD (analysis/normalizer.cc calls load_icu_data then: non-ASCII text, e.g.
 * an Urdu query or snippet). Everything else `khabar` asks ICU (character types, scripts, case
 * folding, bidi, Arabic shaping, East Asian width) is compiled into ICU's code and needs no data.
 */
#include "icu_data.h"

#include <dlfcn.h>

#include <unicode/udata.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

#include <cstdint>

#define KHABAR_STRINGIFY2(x) #x
#define KHABAR_STRINGIFY(x) KHABAR_STRINGIFY2(x)

extern "C" {

/// An ICU common data package with no entries (ICU's stubdata/stubdata.h).
struct KhabarEmptyIcuPackage {
    std::uint16_t header_size;
    std::uint8_t magic1, magic2;
    UDataInfo info;
    char padding[8];
    std::uint32_t count, reserved;
    std::uint64_t fake_name_and_data[2];
};

// The symbol libicuuc.a refers to for its linked-in data (icudt72_dat). ICU looks in it only for
// what udata_setCommonData was not given, and finds nothing there. (Declared extern first: a
// const object's definition alone would have internal linkage.)
extern const KhabarEmptyIcuPackage U_ICUDATA_ENTRY_POINT;
alignas(16) const KhabarEmptyIcuPackage U_ICUDATA_ENTRY_POINT = {
    32,
    0xda,
    0x27,
    {sizeof(UDataInfo),
     0,
     U_IS_BIG_ENDIAN,
     U_CHARSET_FAMILY,
     U_SIZEOF_UCHAR,
     0,
     {0x43, 0x6d, 0x6e, 0x44},  // "CmnD"
     {1, 0, 0, 0},
     {0, 0, 0, 0}},
    {0, 0, 0, 0, 0, 0, 0, 0},
    0,
    0,
    {0, 0}};

}  // extern "C"

namespace khabar::cli {

void load_icu_data() {
    // The package libicuuc.so itself would have loaded: libicudata.so.72's icudt72_dat.
    void* lib = dlopen("libicudata.so." U_ICU_VERSION_SHORT, RTLD_NOW | RTLD_LOCAL);
    const void* data = lib ? dlsym(lib, KHABAR_STRINGIFY(U_ICUDATA_ENTRY_POINT)) : nullptr;
    if (!data) return;  // the normalizer then says ICU's NFKC is unavailable
    UErrorCode status = U_ZERO_ERROR;
    udata_setCommonData(data, &status);
}

}  // namespace khabar::cli
