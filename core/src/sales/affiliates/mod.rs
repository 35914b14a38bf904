//! The affiliate list import (placeholder while it is built).
