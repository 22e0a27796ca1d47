//! Random go.mod texts for differential testing against `go mod edit -fmt`.
//!
//! A case is a sequence of directives in random order and layout: single lines, blocks, one-line
//! blocks and empty blocks; every directive the parser knows (module, go, toolchain, godebug,
//! require, exclude, replace, retract, tool, ignore) plus unknown ones; comments before, after and
//! beside lines, inside blocks and before `)`; odd quoting and spacing; bad arguments at a rate that
//! depends on the case's [`Mood`]; and byte-level damage for chaotic cases.

use crate::gen_text::*;
use crate::rng::Rng;

/// One go.mod text.
pub fn gen_modfile(rng: &mut Rng) -> Vec<u8> {
    let mood = Mood::pick(rng);
    let mut doc = Doc::new(rng, mood);
    let mut plan: Vec<Directive> = Vec::new();
    if !rng.chance(6) {
        plan.push(Directive::Module);
    }
    if !rng.chance(15) {
        plan.push(Directive::Go);
    }
    let extra = match rng.below(10) {
        0 => 0,
        1..=6 => rng.range(1, 5),
        _ => rng.range(5, 12),
    };
    for _ in 0..extra {
        plan.push(Directive::random(rng, mood));
    }
    // Usually module and go come first, as people write them; sometimes anything goes.
    if rng.chance(25) {
        for i in (1..plan.len()).rev() {
            let j = rng.below(i + 1);
            plan.swap(i, j);
        }
    }
    if rng.chance(10) {
        let text = comment(rng);
        doc.push(text);
        doc.gap(rng);
    }
    for directive in plan {
        directive.emit(rng, &mut doc);
        doc.gap(rng);
    }
    if rng.chance(8) {
        let text = comment(rng);
        doc.push(text);
    }
    doc.finish(rng)
}

#[derive(Clone, Copy, Debug)]
enum Directive {
    Module,
    Go,
    Toolchain,
    Godebug,
    Require,
    Exclude,
    Replace,
    Retract,
    Tool,
    Ignore,
    Unknown,
}

/// Whether a directive is written as one line, a block, or an empty block.
enum Shape {
    Line,
    Block(usize),
    Empty,
}

impl Directive {
    fn random(rng: &mut Rng, mood: Mood) -> Directive {
        let weights: &[(Directive, usize)] = &[
            (Directive::Require, 30),
            (Directive::Replace, 14),
            (Directive::Exclude, 8),
            (Directive::Retract, 8),
            (Directive::Toolchain, 5),
            (Directive::Godebug, 5),
            (Directive::Tool, 5),
            (Directive::Ignore, 4),
            (Directive::Module, if mood == Mood::Clean { 0 } else { 1 }),
            (Directive::Go, if mood == Mood::Clean { 0 } else { 1 }),
            (Directive::Unknown, if mood == Mood::Clean { 1 } else { 4 }),
        ];
        let total: usize = weights.iter().map(|(_, w)| w).sum();
        let mut roll = rng.below(total);
        for (directive, weight) in weights {
            if roll < *weight {
                return *directive;
            }
            roll -= weight;
        }
        Directive::Require
    }

    fn verb(self, rng: &mut Rng) -> String {
        match self {
            Directive::Module => "module".into(),
            Directive::Go => "go".into(),
            Directive::Toolchain => "toolchain".into(),
            Directive::Godebug => "godebug".into(),
            Directive::Require => "require".into(),
            Directive::Exclude => "exclude".into(),
            Directive::Replace => "replace".into(),
            Directive::Retract => "retract".into(),
            Directive::Tool => "tool".into(),
            Directive::Ignore => "ignore".into(),
            Directive::Unknown => rng
                .pick(&[
                    "foo",
                    "use",
                    "Require",
                    "requires",
                    "vendor",
                    "\"require\"",
                    "go.mod",
                ])
                .to_string(),
        }
    }

    fn shape(self, rng: &mut Rng, mood: Mood) -> Shape {
        let blocky = match self {
            Directive::Require | Directive::Replace | Directive::Exclude => 45,
            Directive::Retract | Directive::Godebug | Directive::Tool | Directive::Ignore => 30,
            Directive::Module => 6,
            Directive::Go | Directive::Toolchain | Directive::Unknown => mood.error_rate() / 2,
        };
        if rng.chance(3) {
            return Shape::Empty;
        }
        if rng.chance(blocky) {
            if matches!(self, Directive::Module) && (mood == Mood::Clean || rng.chance(70)) {
                return Shape::Block(1);
            }
            let n = match rng.below(10) {
                0..=2 => 1,
                3..=7 => rng.range(2, 5),
                _ => rng.range(6, 14),
            };
            return Shape::Block(n);
        }
        Shape::Line
    }

    fn emit(self, rng: &mut Rng, doc: &mut Doc) {
        let mood = doc.mood;
        let verb = self.verb(rng);
        if matches!(self, Directive::Module | Directive::Retract) && rng.chance(20) {
            // Deprecation notices and retraction rationales are paragraphs of comments.
            let paragraph = rng.pick(&[
                "// Deprecated: use example.com/b/v2 instead.",
                "// Deprecated: use b.\n// More text.\n//\n// Other.",
                "// Intro.\n//\n// Deprecated: gone.\n//\n// After.",
                "// deprecated: lower case",
                "// Rationale: broken build.",
            ]);
            for line in paragraph.split('\n') {
                doc.push(line.to_string());
            }
        }
        match self.shape(rng, mood) {
            Shape::Line => {
                let args = self.args(rng, mood);
                let body = join_tokens(rng, &[vec![verb], args].concat());
                doc.statement(rng, "", body);
            }
            Shape::Empty => doc.empty_block(rng, &verb),
            Shape::Block(n) => {
                let mut header = verb;
                if rng.chance(mood.error_rate() / 3) {
                    header.push_str(" extra");
                }
                doc.block(rng, &header, n, |rng| {
                    let args = self.args(rng, mood);
                    join_tokens(rng, &args)
                });
            }
        }
    }

    /// The argument tokens of one line of this directive.
    fn args(self, rng: &mut Rng, mood: Mood) -> Vec<String> {
        let err = mood.error_rate();
        let mut args = match self {
            Directive::Module => vec![{
                let t = module_path(rng, mood);
                spell(rng, &t, mood)
            }],
            Directive::Go => vec![{
                let t = go_version(rng, mood);
                spell(rng, &t, mood)
            }],
            Directive::Toolchain => vec![{
                let t = toolchain(rng, mood);
                spell(rng, &t, mood)
            }],
            Directive::Godebug => vec![{
                let t = godebug_arg(rng, mood);
                spell(rng, &t, mood)
            }],
            Directive::Require | Directive::Exclude => {
                let path = module_path(rng, mood);
                let version = version_for(rng, &path, mood);
                vec![spell(rng, &path, mood), spell(rng, &version, mood)]
            }
            Directive::Replace => replace_args(rng, mood),
            Directive::Retract => retract_args(rng, mood),
            Directive::Tool => {
                let path = module_path(rng, mood);
                let tool = if rng.chance(50) {
                    format!("{path}/cmd/{}", rng.pick(&["x", "gen", "stringer"]))
                } else {
                    path
                };
                vec![spell(rng, &tool, mood)]
            }
            Directive::Ignore => {
                let dir = rng
                    .pick(&[
                        "./node_modules",
                        "node_modules",
                        "./third_party/x",
                        "testdata",
                        "./a b",
                        "../outside",
                        "/abs",
                    ])
                    .to_string();
                vec![spell(rng, &dir, mood)]
            }
            Directive::Unknown => {
                let n = rng.below(3);
                (0..n).map(|_| module_path(rng, mood)).collect()
            }
        };
        // Arity mistakes: a missing or an extra argument.
        if rng.chance(err / 2) {
            if !args.is_empty() && rng.chance(50) {
                args.pop();
            } else {
                args.push(
                    rng.pick(&["extra", "v1.0.0", "=>", "(", ")", "//x"])
                        .to_string(),
                );
            }
        }
        args
    }
}

fn replace_args(rng: &mut Rng, mood: Mood) -> Vec<String> {
    let old = module_path(rng, mood);
    let mut args = vec![spell(rng, &old, mood)];
    if rng.chance(45) {
        let v = version_for(rng, &old, mood);
        args.push(spell(rng, &v, mood));
    }
    let arrow = if rng.chance(mood.error_rate() / 2) {
        rng.pick(&["->", "=", "=>>", "==>"]).to_string()
    } else {
        "=>".to_string()
    };
    if rng.chance(mood.error_rate() / 3) {
        // `a=>./b` is one token for the lexer.
        let target = local_dir(rng);
        let last = args.pop().unwrap_or_default();
        args.push(format!("{last}{arrow}{target}"));
        return args;
    }
    args.push(arrow);
    match rng.below(10) {
        0..=3 => args.push({
            let t = local_dir(rng);
            spell(rng, &t, mood)
        }),
        4..=8 => {
            let new = module_path(rng, mood);
            let v = version_for(rng, &new, mood);
            args.push(spell(rng, &new, mood));
            args.push(spell(rng, &v, mood));
        }
        _ => match rng.below(5) {
            // Broken targets: no version, path@version, directory with version, nothing.
            0 => args.push(module_path(rng, mood)),
            1 => {
                let new = module_path(rng, mood);
                args.push(format!("{new}@{}", version(rng, mood)));
            }
            2 => {
                args.push(local_dir(rng));
                args.push(version(rng, mood));
            }
            3 => {}
            _ => {
                args.push(module_path(rng, mood));
                args.push(version(rng, mood));
                args.push(version(rng, mood));
            }
        },
    }
    args
}

fn retract_args(rng: &mut Rng, mood: Mood) -> Vec<String> {
    let glue = rng.chance(40);
    let mut args = if rng.chance(55) {
        vec![{
            let t = version(rng, mood);
            spell(rng, &t, mood)
        }]
    } else if glue {
        vec![format!("[{},{}]", version(rng, mood), version(rng, mood))]
    } else {
        vec![
            "[".to_string(),
            {
                let t = version(rng, mood);
                spell(rng, &t, mood)
            },
            ",".to_string(),
            {
                let t = version(rng, mood);
                spell(rng, &t, mood)
            },
            "]".to_string(),
        ]
    };
    if rng.chance(mood.error_rate()) {
        match rng.below(6) {
            0 => args = vec!["[".into(), version(rng, mood)],
            1 => args = vec!["[".into(), ",".into(), "]".into()],
            2 => {
                args = vec![
                    "[".into(),
                    version(rng, mood),
                    version(rng, mood),
                    "]".into(),
                ]
            }
            3 => args = vec!["(".into(), version(rng, mood)],
            4 => args.push("trailing".into()),
            _ => args = vec![format!("[{}", version(rng, mood)), ",".into(), "]".into()],
        }
    }
    args
}
