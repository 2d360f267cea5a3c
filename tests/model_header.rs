//! The model file's `version` as the reader reports it: missing, another version, a number too
//! large for an integer, or not a number at all (issue 13 item 11).
#![cfg(not(target_arch = "wasm32"))]

use kindling::io::Model;

fn version_error(version: &str) -> String {
    let text = format!(r#"{{"format":"kindling-model"{version}}}"#);
    Model::from_json("m.json", &text).err().unwrap().to_string()
}

const TAIL: &str = "cannot be read by this build, which reads versions 1 and 2; open it with the Kindling that wrote it or train the model again";

#[test]
fn the_version_is_shown_as_written_and_only_a_missing_one_as_missing() {
    let cases = [
        ("", "(missing)"),
        (r#","version":3"#, "3"),
        (r#","version":99999999999999999999"#, "1e+20"),
        (r#","version":-1"#, "-1"),
        (r#","version":1.5"#, "1.5"),
        (r#","version":"1""#, r#""1""#),
        (r#","version":null"#, "null"),
    ];
    for (version, shown) in cases {
        assert_eq!(
            version_error(version),
            format!("m.json: model file version {shown} {TAIL}"),
            "{version}"
        );
    }
}
