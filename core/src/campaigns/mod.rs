//! Campaigns and the work inside them: collaborations (a creator in a campaign), their
//! deliverables, gift shipments and the outreach log; plus what is read from them (Today, the
//! campaign board and timeline, a creator's history, the calendar and the CSV export).
//!
//! Contract: everything typed arrives as a draft (text, as typed) and is validated here into
//! a record or field errors with stable codes; money is minor units of the workspace currency;
//! dates are `YYYY-MM-DD`. Every save names the revision it was based on (a stale one is
//! refused), checks the status move against the rules below, writes one transaction with an
//! audit line, and marks the collaboration active "today" for the idle check.

use crate::roster::model::text_enum;
use serde::{Deserialize, Serialize};

pub mod campaign;
pub mod carriers;
pub mod collaboration;
pub mod fields;
pub mod deliverable;
pub mod gifting;
pub mod outreach;

pub mod board;
pub mod calendar;
pub mod export;
pub mod today;

text_enum!(
    /// What a campaign is for (the seed: choose the goal first).
    Goal {
        Awareness = "awareness", "Awareness";
        Leads = "leads", "Leads";
        Sales = "sales", "Sales";
    }
);

text_enum!(
    /// How a creator is compensated in a collaboration.
    CollaborationKind {
        Gifted = "gifted", "Gifted";
        Paid = "paid", "Paid";
        Affiliate = "affiliate", "Affiliate";
        Hybrid = "hybrid", "Hybrid";
    }
);

text_enum!(
    /// Where a collaboration stands: proposed → agreed → active → completed, or cancelled.
    CollaborationStatus {
        Proposed = "proposed", "Proposed";
        Agreed = "agreed", "Agreed";
        Active = "active", "Active";
        Completed = "completed", "Completed";
        Cancelled = "cancelled", "Cancelled";
    }
);

impl CollaborationStatus {
    /// Agreed, active or completed: the brand has committed to it.
    pub fn is_committed(self) -> bool {
        matches!(self, CollaborationStatus::Agreed | CollaborationStatus::Active | CollaborationStatus::Completed)
    }
}

text_enum!(
    /// Where a deliverable stands: planned → in production → submitted → changes requested →
    /// approved → published → verified, or missed.
    DeliverableStatus {
        Planned = "planned", "Planned";
        InProduction = "in_production", "In production";
        Submitted = "submitted", "Submitted";
        ChangesRequested = "changes_requested", "Changes requested";
        Approved = "approved", "Approved";
        Published = "published", "Published";
        Verified = "verified", "Verified";
        Missed = "missed", "Missed";
    }
);

impl DeliverableStatus {
    /// Still to be published: counts for due and overdue.
    pub fn is_open(self) -> bool {
        !matches!(self, DeliverableStatus::Published | DeliverableStatus::Verified | DeliverableStatus::Missed)
    }
    /// The post is live.
    pub fn is_live(self) -> bool {
        matches!(self, DeliverableStatus::Published | DeliverableStatus::Verified)
    }
}

text_enum!(
    /// Where a gift is: to pack → shipped → delivered, or returned / lost.
    ShipmentStatus {
        ToPack = "to_pack", "To pack";
        Shipped = "shipped", "Shipped";
        Delivered = "delivered", "Delivered";
        Returned = "returned", "Returned";
        Lost = "lost", "Lost";
    }
);

impl ShipmentStatus {
    /// The product left the building: its retail value counts as spent.
    pub fn is_sent(self) -> bool {
        matches!(self, ShipmentStatus::Shipped | ShipmentStatus::Delivered | ShipmentStatus::Lost)
    }
}

text_enum!(
    /// A touchpoint in the outreach log.
    TouchpointKind {
        Followed = "followed", "Followed";
        Commented = "commented", "Commented";
        Dm = "dm", "Direct message";
        Email = "email", "Email";
        Call = "call", "Call";
        Meeting = "meeting", "Meeting";
    }
);

/// A campaign as the form holds it: all text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CampaignDraft {
    pub name: String,
    pub goal: String,
    pub starts_on: String,
    pub ends_on: String,
    pub budget: String,
    pub niche: String,
    pub target_audience: String,
    pub brief: String,
    pub dos: String,
    pub donts: String,
    /// `#zonzomer #studiozon` (commas, spaces or missing `#` are tidied).
    pub required_hashtags: String,
    pub required_mentions: String,
    pub disclosure: String,
    /// Empty: made from the name on the first save.
    pub utm_slug: String,
    /// Where the tracking links lead (`shop.nl/zomer`; `https://` is added); empty: none yet.
    pub landing_url: String,
    /// How the numbers are written: the window's language for what is typed there, unknown
    /// for drafts made in code and the ones the core hands out (their numbers read the same in
    /// every spelling). Not part of the draft the window sends: the command takes it.
    #[serde(skip)]
    pub spelling: crate::numbers::Spelling,
}

/// A collaboration as the form holds it. The campaign and creator are chosen, not typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CollaborationDraft {
    pub campaign_id: i64,
    pub creator_id: i64,
    pub kind: String,
    pub status: String,
    pub fee: String,
    pub gift_value: String,
    pub commission_terms: String,
    pub starts_on: String,
    pub ends_on: String,
    pub usage_channels: String,
    pub usage_until: String,
    pub usage_exclusive: bool,
    pub contract_signed_on: String,
    /// A path on this computer; Chorus links to the file, it never copies it.
    pub contract_path: String,
    pub notes: String,
    /// How the numbers are written: the window's language for what is typed there, unknown
    /// for drafts made in code and the ones the core hands out (their numbers read the same in
    /// every spelling). Not part of the draft the window sends: the command takes it.
    #[serde(skip)]
    pub spelling: crate::numbers::Spelling,
}

/// A deliverable as the form holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DeliverableDraft {
    pub collaboration_id: i64,
    pub platform: String,
    pub format: String,
    pub due_on: String,
    pub status: String,
    pub post_url: String,
    /// `YYYY-MM-DDTHH:MM`, local time, as an `<input type=datetime-local>` gives it.
    pub published_at: String,
    pub has_hashtags: bool,
    pub has_mentions: bool,
    pub has_disclosure: bool,
    /// None: not judged yet.
    pub call_to_action: Option<bool>,
    pub storytelling: Option<bool>,
    pub faceless: Option<bool>,
    pub notes: String,
}

/// One product in a gift shipment, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GiftItemDraft {
    pub name: String,
    pub sku: String,
    pub quantity: String,
    pub unit_cost: String,
    pub unit_retail: String,
}

/// A gift shipment as the form holds it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShipmentDraft {
    pub collaboration_id: i64,
    pub status: String,
    pub recipient_name: String,
    pub postal_address: String,
    pub city: String,
    pub country: String,
    pub carrier: String,
    pub tracking_number: String,
    pub shipped_on: String,
    pub delivered_on: String,
    /// The day it came back (returned) or was given up (lost).
    pub closed_on: String,
    pub notes: String,
    pub items: Vec<GiftItemDraft>,
    /// How the numbers are written: the window's language for what is typed there, unknown
    /// for drafts made in code and the ones the core hands out (their numbers read the same in
    /// every spelling). Not part of the draft the window sends: the command takes it.
    #[serde(skip)]
    pub spelling: crate::numbers::Spelling,
}

/// A touchpoint as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TouchpointDraft {
    pub creator_id: i64,
    pub collaboration_id: Option<i64>,
    pub kind: String,
    pub happened_on: String,
    pub notes: String,
}
