// Package integration proves wxerrlint on code nobody wrote for it.
//
// It is a module of its own, so that the main module does not depend on
// the corpus. Its tests run every analyzer of analyzer.Suite, with the
// analyzers they require, through golang.org/x/tools/go/analysis/checker
// (facts gob-encoded between packages, as under go vet):
//
//   - over every package (and test) of seven WeChat SDKs from the module
//     proxy at exact versions (silenceper/wechat, fastwego/offiaccount,
//     medivhzhan/weapp v3 and v2, xen0n/go-workwx, chanxuehong/wechat,
//     PowerWeChat, esap/wechat), comparing the findings with testdata/<corpus>.expect,
//     where each finding carries a human judgement (TestCorpus, one subtest
//     per corpus; -update rewrites the files, keeping judgements and marking
//     new findings UNREVIEWED, which fails the test until a human replaces
//     it); deps_<corpus>.go, written by gendeps.sh, keeps each corpus in
//     go.mod;
//   - over fixtures with type errors, syntax errors, cgo, generics and
//     //line directives, which must give diagnostics or clean errors
//     (TestFixtures, against testdata/fixtures.golden; TestCommand runs the
//     wxerrlint command on them, with -json and -fix), and over a generated
//     file of 120,000 lines (TestHugeFile);
//   - over the standard library and golang.org/x/tools, which must give no
//     diagnostic at all (TestStd, TestXTools; skipped by -short);
//   - over mutated Go sources, seeded from the main module's testdata
//     (FuzzAnalyzers).
//
// A panic fails the test binary: nothing here recovers one. run.sh runs it
// all the way CI does, the fixtures and fuzz seeds also under the race
// detector.
package integration
