//! Schema to wire conversion (`tfplugin6.Schema`).
//!
//! Nested attributes are sent with `nested_type` only and an empty `type` (Terraform rejects an
//! attribute with both). Descriptions are markdown. Attributes and nested blocks are sorted by
//! name so that the encoding is deterministic.

use super::{Attribute, AttributeKind, Block, NestedAttributes, NestedBlock, Nesting, Schema};
use crate::proto::tfplugin6::{self as pb, StringKind};

impl Schema {
    /// The schema as a wire message.
    pub fn to_proto(&self) -> pb::Schema {
        pb::Schema {
            version: self.version,
            block: Some(self.block.to_proto()),
        }
    }
}

impl Block {
    /// The block as a wire message.
    pub fn to_proto(&self) -> pb::schema::Block {
        let mut attributes: Vec<pb::schema::Attribute> =
            self.attributes.iter().map(Attribute::to_proto).collect();
        attributes.sort_by(|a, b| a.name.cmp(&b.name));
        let mut block_types: Vec<pb::schema::NestedBlock> =
            self.blocks.iter().map(NestedBlock::to_proto).collect();
        block_types.sort_by(|a, b| a.type_name.cmp(&b.type_name));
        pb::schema::Block {
            version: 0,
            attributes,
            block_types,
            description: self.description.clone(),
            description_kind: StringKind::Markdown as i32,
            deprecated: self.deprecated,
            deprecation_message: String::new(),
            computed: false,
        }
    }
}

impl Attribute {
    /// The attribute as a wire message.
    pub fn to_proto(&self) -> pb::schema::Attribute {
        let (r#type, nested_type) = match &self.kind {
            AttributeKind::Type(t) => (t.to_json(), None),
            AttributeKind::Nested(nested) => (Vec::new(), Some(nested.to_proto())),
        };
        pb::schema::Attribute {
            name: self.name.clone(),
            r#type,
            nested_type,
            description: self.description.clone(),
            required: self.required,
            optional: self.optional,
            computed: self.computed,
            sensitive: self.sensitive,
            description_kind: StringKind::Markdown as i32,
            deprecated: self.deprecated,
            write_only: self.write_only,
            deprecation_message: self.deprecation_message.clone(),
        }
    }
}

impl NestedAttributes {
    /// The nested attributes as a wire message (min and max items are not sent: Terraform
    /// ignores them for nested attributes).
    pub fn to_proto(&self) -> pb::schema::Object {
        use pb::schema::object::NestingMode;
        let nesting = match self.nesting {
            Nesting::Single | Nesting::Group => NestingMode::Single,
            Nesting::List => NestingMode::List,
            Nesting::Set => NestingMode::Set,
            Nesting::Map => NestingMode::Map,
        };
        let mut attributes: Vec<pb::schema::Attribute> =
            self.attributes.iter().map(Attribute::to_proto).collect();
        attributes.sort_by(|a, b| a.name.cmp(&b.name));
        pb::schema::Object {
            attributes,
            nesting: nesting as i32,
            ..Default::default()
        }
    }
}

impl NestedBlock {
    /// The nested block type as a wire message.
    pub fn to_proto(&self) -> pb::schema::NestedBlock {
        use pb::schema::nested_block::NestingMode;
        let nesting = match self.nesting {
            Nesting::Single => NestingMode::Single,
            Nesting::Group => NestingMode::Group,
            Nesting::List => NestingMode::List,
            Nesting::Set => NestingMode::Set,
            Nesting::Map => NestingMode::Map,
        };
        pb::schema::NestedBlock {
            type_name: self.type_name.clone(),
            block: Some(self.block.to_proto()),
            nesting: nesting as i32,
            min_items: self.min_items,
            max_items: self.max_items,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Type;
    use pb::schema::nested_block::NestingMode as BlockMode;
    use pb::schema::object::NestingMode as ObjectMode;

    fn children() -> Vec<Attribute> {
        vec![
            Attribute::string("z").optional(),
            Attribute::number("a").required(),
        ]
    }

    #[test]
    fn nested_attributes_use_nested_type_only() {
        let cases = [
            ("single", Nesting::Single, ObjectMode::Single),
            ("group as single", Nesting::Group, ObjectMode::Single),
            ("list", Nesting::List, ObjectMode::List),
            ("set", Nesting::Set, ObjectMode::Set),
            ("map", Nesting::Map, ObjectMode::Map),
        ];
        for (name, nesting, want) in cases {
            let attr = Attribute::nested("n", nesting, children())
                .optional()
                .description("*N*.")
                .to_proto();
            assert!(attr.r#type.is_empty(), "{name}: type must be empty");
            let object = attr
                .nested_type
                .as_ref()
                .unwrap_or_else(|| panic!("{name}: nested_type missing"));
            assert_eq!(object.nesting, want as i32, "{name}");
            let names: Vec<&str> = object.attributes.iter().map(|a| a.name.as_str()).collect();
            assert_eq!(names, ["a", "z"], "{name}: sorted");
            assert_eq!(object.attributes[1].r#type, b"\"string\"", "{name}");
            assert_eq!(attr.description_kind, StringKind::Markdown as i32, "{name}");
            assert!(attr.optional, "{name}");
        }
    }

    #[test]
    fn nested_blocks() {
        let cases = [
            ("single", Nesting::Single, BlockMode::Single),
            ("group", Nesting::Group, BlockMode::Group),
            ("list", Nesting::List, BlockMode::List),
            ("set", Nesting::Set, BlockMode::Set),
            ("map", Nesting::Map, BlockMode::Map),
        ];
        for (name, nesting, want) in cases {
            let block = Block::new().attribute(Attribute::bool("x").optional());
            let proto = NestedBlock::new("b", nesting, block)
                .min_items(1)
                .max_items(3)
                .to_proto();
            assert_eq!(proto.nesting, want as i32, "{name}");
            assert_eq!((proto.min_items, proto.max_items), (1, 3), "{name}");
            assert_eq!(
                proto.block.unwrap().attributes[0].r#type,
                b"\"bool\"",
                "{name}"
            );
        }
    }

    #[test]
    fn attribute_flags() {
        let attr = Attribute::list("l", Type::String)
            .optional()
            .computed()
            .sensitive()
            .write_only()
            .deprecated("Use `m` instead.")
            .to_proto();
        assert_eq!(attr.r#type, br#"["list","string"]"#);
        assert!(attr.nested_type.is_none());
        assert!(
            attr.optional && attr.computed && attr.sensitive && attr.write_only && attr.deprecated
        );
        assert_eq!(attr.deprecation_message, "Use `m` instead.");
    }

    #[test]
    fn schema_sorted_and_versioned() {
        let schema = Schema::new(
            3,
            Block::new()
                .description("Root.")
                .attribute(Attribute::string("b"))
                .attribute(Attribute::string("a"))
                .block(NestedBlock::new("y", Nesting::List, Block::new()))
                .block(NestedBlock::new("x", Nesting::Single, Block::new())),
        )
        .to_proto();
        assert_eq!(schema.version, 3);
        let block = schema.block.unwrap();
        assert_eq!(
            block
                .attributes
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(
            block
                .block_types
                .iter()
                .map(|b| b.type_name.as_str())
                .collect::<Vec<_>>(),
            ["x", "y"]
        );
        assert_eq!(block.description_kind, StringKind::Markdown as i32);
    }
}
