//! vendor/modules.txt: reading and every lookup.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let txt = gomod::vendor::ModulesTxt::parse(data);
    let _ = txt.is_workspace();
    for module in txt.vendor_list() {
        let _ = txt.metadata(&module.path, &module.version);
    }
    for (package, _) in txt.packages() {
        let _ = txt.package_module(package);
    }
    let _ = txt.replaced().len();
    let _ = txt.lines().len();
});
