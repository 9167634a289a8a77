//! A bare-metal program that links pqfips for a Cortex-M4F without `std`, `alloc` or an
//! allocator: if anything in pqfips or its dependencies needed one, this would not build.
//!
//! ```sh
//! cargo build --release --manifest-path embedded/Cargo.toml --target thumbv7em-none-eabihf
//! ```
//!
//! It is a link check, not firmware: there is no vector table or memory layout for a real
//! board, and the RNG is a stand-in. Adding an algorithm: a function like [`ml_kem_768`]
//! (keygen, then sign and verify for ML-DSA-65 and for one SLH-DSA set) called from [`_start`].

#![no_std]
#![no_main]

use core::hint::black_box;
use core::panic::PanicInfo;

use pqfips::ml_dsa_65::{Signature, SigningKey, VerifyingKey};
use pqfips::ml_kem_768::{Ciphertext, DecapsulationKey, EncapsulationKey};
use rand_core::{Infallible, TryCryptoRng, TryRng};

/// Stand-in for the board's hardware RNG (xorshift32, which is no source of secrets): firmware
/// reads its TRNG here.
struct BoardRng(u32);

impl TryRng for BoardRng {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        Ok(self.0)
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(u64::from(self.try_next_u32()?) << 32 | u64::from(self.try_next_u32()?))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for chunk in dst.chunks_mut(4) {
            chunk.copy_from_slice(&self.try_next_u32()?.to_le_bytes()[..chunk.len()]);
        }
        Ok(())
    }
}

impl TryCryptoRng for BoardRng {}

/// ML-KEM-768 keygen, encaps and decaps through the byte encodings, as two devices would.
fn ml_kem_768(rng: &mut BoardRng) -> bool {
    let dk = DecapsulationKey::generate(rng);
    let Ok(ek) = EncapsulationKey::from_bytes(&dk.encapsulation_key().to_bytes()) else {
        return false;
    };
    let (ct, shared) = ek.encapsulate(rng);
    let Ok(ct) = Ciphertext::try_from(black_box(ct.as_ref())) else {
        return false;
    };
    dk.decapsulate(&ct) == shared
}

/// ML-DSA-65 keygen, hedged signing and verification through the byte encodings.
fn ml_dsa_65(rng: &mut BoardRng) -> bool {
    let sk = SigningKey::generate(rng);
    let Ok(vk) = VerifyingKey::from_bytes(&sk.verifying_key().to_bytes()) else {
        return false;
    };
    let Ok(sig) = sk.sign(rng, b"firmware image", b"") else {
        return false;
    };
    let Ok(sig) = Signature::try_from(black_box(sig.as_ref())) else {
        return false;
    };
    vk.verify(b"firmware image", b"", &sig).is_ok()
}

/// The entry point (the reset handler on a real board).
#[unsafe(no_mangle)]
pub extern "C" fn _start() -> ! {
    let mut rng = BoardRng(black_box(0x2545_f491));
    black_box(ml_kem_768(&mut rng));
    black_box(ml_dsa_65(&mut rng));
    loop {
        core::hint::spin_loop();
    }
}

#[panic_handler]
fn panic(_: &PanicInfo) -> ! {
    loop {
        core::hint::spin_loop();
    }
}
