//! A machine pool's kubeadm override (`overrideKubeadmConfiguration`): YAML that sets, for the
//! pool's nodes only, the kubelet's extra arguments and the commands run before and after
//! kubeadm, over what the Kubernetes layer sets.

use crate::values::{Value, normalize};

/// The keys Palette reads from an override, and what each holds.
const KEYS: [(&str, &str); 3] = [
    ("kubeletExtraArgs", "a mapping of kubelet flags to values"),
    ("preKubeadmCommands", "a list of commands"),
    ("postKubeadmCommands", "a list of commands"),
];

/// Checks an override: one YAML mapping with only `kubeletExtraArgs` (flag to scalar value),
/// `preKubeadmCommands` and `postKubeadmCommands` (lists of strings). An empty text is no
/// override.
///
/// # Errors
///
/// What is wrong, as a sentence for a diagnostic.
pub fn check_override(yaml: &str) -> Result<(), String> {
    if yaml.trim().is_empty() {
        return Ok(());
    }
    let normalized =
        normalize(yaml).map_err(|e| format!("The override is not valid YAML: {e}."))?;
    let [document] = normalized.documents() else {
        return Err("The override must be one YAML document.".into());
    };
    let Value::Map(entries) = document else {
        return Err(format!(
            "The override must be a mapping with {}.",
            key_list()
        ));
    };
    for (key, value) in entries {
        let Value::Str(key) = key else {
            return Err(format!(
                "Keys must be strings; the override takes {}.",
                key_list()
            ));
        };
        let fits = match key.as_str() {
            "kubeletExtraArgs" => match value {
                Value::Map(flags) => flags
                    .iter()
                    .all(|(k, v)| matches!(k, Value::Str(_)) && is_scalar(v)),
                _ => false,
            },
            "preKubeadmCommands" | "postKubeadmCommands" => match value {
                Value::Seq(commands) => commands
                    .iter()
                    .all(|c| matches!(c, Value::Str(_) | Value::Template(_))),
                _ => false,
            },
            _ => {
                return Err(format!(
                    "`{key}` is not a key Palette reads from a kubeadm override; it takes {}.",
                    key_list()
                ));
            }
        };
        if !fits {
            let what = KEYS.iter().find(|(k, _)| k == key).map_or("", |(_, w)| w);
            return Err(format!("`{key}` must be {what}."));
        }
    }
    Ok(())
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Seq(_) | Value::Map(_) | Value::Null)
}

fn key_list() -> String {
    KEYS.iter()
        .map(|(k, _)| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_three_keys_palette_reads() {
        let ok = "kubeletExtraArgs:\n  max-pods: \"110\"\n  node-labels: a=b\npreKubeadmCommands:\n  - echo pre\npostKubeadmCommands: [\"echo post\"]\n";
        assert_eq!(check_override(ok), Ok(()));
        assert_eq!(check_override(""), Ok(()));
        assert_eq!(check_override("kubeletExtraArgs: {}\n"), Ok(()));
    }

    #[test]
    fn refuses_what_palette_would_not_read() {
        let cases = [
            (
                "kubeletExtraArgs: [a]\n",
                "`kubeletExtraArgs` must be a mapping",
            ),
            (
                "preKubeadmCommands: echo\n",
                "`preKubeadmCommands` must be a list",
            ),
            (
                "postKubeadmCommands: [[a]]\n",
                "`postKubeadmCommands` must be a list",
            ),
            (
                "kubeletExtraArg:\n  a: b\n",
                "`kubeletExtraArg` is not a key",
            ),
            ("- a\n", "must be a mapping"),
            ("a: [\n", "not valid YAML"),
            ("a: 1\n---\nb: 2\n", "one YAML document"),
            (
                "kubeletExtraArgs:\n  max-pods:\n",
                "must be a mapping of kubelet flags",
            ),
        ];
        for (yaml, want) in cases {
            let got = check_override(yaml).unwrap_err();
            assert!(got.contains(want), "{yaml:?}: {got}");
        }
    }
}
