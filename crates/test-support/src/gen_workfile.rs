//! Random go.work texts for differential testing against `go work edit -fmt`.
//!
//! go.work shares the lexer, parser and printer with go.mod but knows only `go`, `toolchain`,
//! `godebug`, `use` and `replace`; everything else (including go.mod's verbs) is an unknown
//! directive, and there is no lax mode. The generator therefore mixes the five real directives with
//! go.mod verbs and junk, in lines, blocks and empty blocks.

use crate::gen_text::*;
use crate::rng::Rng;

/// One go.work text.
pub fn gen_workfile(rng: &mut Rng) -> Vec<u8> {
    let mood = Mood::pick(rng);
    let mut doc = Doc::new(rng, mood);
    if rng.chance(8) {
        let text = comment(rng);
        doc.push(text);
        doc.gap(rng);
    }
    if !rng.chance(12) {
        let body = format!("go{}{}", sep(rng), {
            let t = go_version(rng, mood);
            spell(rng, &t, mood)
        });
        doc.statement(rng, "", body);
        doc.gap(rng);
    }
    for _ in 0..rng.range(0, 7) {
        emit(rng, &mut doc, mood);
        doc.gap(rng);
    }
    doc.finish(rng)
}

fn emit(rng: &mut Rng, doc: &mut Doc, mood: Mood) {
    let verb = match rng.below(20) {
        0..=8 => "use",
        9..=12 => "replace",
        13 => "toolchain",
        14 => "godebug",
        15 if mood != Mood::Clean => "go",
        _ if mood == Mood::Clean && rng.chance(70) => "use",
        _ => rng.pick(&[
            "require", "module", "exclude", "retract", "tool", "foo", "Use",
        ]),
    };
    let blocky = matches!(verb, "use" | "replace" | "godebug") || rng.chance(mood.error_rate());
    if rng.chance(3) {
        doc.empty_block(rng, verb);
    } else if blocky && rng.chance(45) {
        let n = match rng.below(10) {
            0..=2 => 1,
            3..=7 => rng.range(2, 5),
            _ => rng.range(6, 12),
        };
        let mut header = verb.to_string();
        if rng.chance(mood.error_rate() / 3) {
            header.push_str(" ./x");
        }
        doc.block(rng, &header, n, |rng| {
            let args = args(rng, verb, mood);
            join_tokens(rng, &args)
        });
    } else {
        let mut tokens = vec![verb.to_string()];
        tokens.extend(args(rng, verb, mood));
        let body = join_tokens(rng, &tokens);
        doc.statement(rng, "", body);
    }
}

fn args(rng: &mut Rng, verb: &str, mood: Mood) -> Vec<String> {
    let mut args = match verb {
        "use" => {
            let dir = if rng.chance(85) {
                use_dir(rng)
            } else {
                module_path(rng, mood)
            };
            vec![spell(rng, &dir, mood)]
        }
        "replace" => {
            let old = module_path(rng, mood);
            let mut args = vec![spell(rng, &old, mood)];
            if rng.chance(40) {
                args.push(version_for(rng, &old, mood));
            }
            args.push("=>".to_string());
            if rng.chance(45) {
                args.push({
                    let t = local_dir(rng);
                    spell(rng, &t, mood)
                });
            } else {
                let new = module_path(rng, mood);
                let v = version_for(rng, &new, mood);
                args.push(spell(rng, &new, mood));
                args.push(v);
            }
            args
        }
        "toolchain" => vec![toolchain(rng, mood)],
        "godebug" => vec![godebug_arg(rng, mood)],
        "go" => vec![go_version(rng, mood)],
        _ => vec![module_path(rng, mood), version(rng, mood)],
    };
    if rng.chance(mood.error_rate() / 2) {
        if !args.is_empty() && rng.chance(50) {
            args.pop();
        } else {
            args.push(rng.pick(&["extra", "./b", "=>", "v1.0.0"]).to_string());
        }
    }
    args
}

/// Workspace member directories: mostly relative, some absolute, quoted or odd.
fn use_dir(rng: &mut Rng) -> String {
    if rng.chance(30) {
        return local_dir(rng);
    }
    let name = rng.pick(&[
        "a",
        "b",
        "c",
        "mod1",
        "tools",
        "staging/src/k8s.io/api",
        "x/y/z",
    ]);
    match rng.below(6) {
        0 => name.to_string(),
        1 => format!("../{name}"),
        _ => format!("./{name}"),
    }
}
