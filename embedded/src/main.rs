//! A bare-metal program that links pqfips for a Cortex-M4F without `std`, `alloc` or an
//! allocator: if anything in pqfips or its dependencies needed one, this would not build.
//!
//! ```sh
//! cargo build --release --manifest-path embedded/Cargo.toml --target thumbv7em-none-eabihf
//! ```
//!
//! It is a link check, not firmware: there is no vector table or memory layout for a real
//! board, and the RNG is a stand-in. One function per algorithm ([`ml_kem_768`], [`ml_dsa_65`],
//! [`slh_dsa_sha2_128s`]: keygen, then encaps and decaps or sign and verify), called from
//! [`_start`].

#![no_std]
#![no_main]

use core::hint::black_box;
use core::panic::PanicInfo;

use pqfips::ml_dsa_65::{Signature, SigningKey, VerifyingKey};
use pqfips::ml_kem_768::{Ciphertext, DecapsulationKey, EncapsulationKey};
use pqfips::slh_dsa_sha2_128s as slh_dsa;
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

/// SLH-DSA-SHA2-128s keygen, hedged signing and verification, the verifying key through its
/// encoding. The signature (7 856 bytes) is signed into `sig`, which the caller holds: firmware
/// keeps it where it is kept anyway (a static buffer, or here the frame of `_start`, which
/// never returns), not on the stack of the signing call, which then holds a few KiB of working
/// memory only. `sign` would return it by value and need it twice on that stack for a moment.
fn slh_dsa_sha2_128s(rng: &mut BoardRng, sig: &mut slh_dsa::Signature) -> bool {
    let sk = slh_dsa::SigningKey::generate(rng);
    let Ok(vk) = slh_dsa::VerifyingKey::from_bytes(&sk.verifying_key().to_bytes()) else {
        return false;
    };
    if sk.sign_into(rng, b"firmware image", b"", sig).is_err() {
        return false;
    }
    // Verified where it lies: a copy for the round trip through bytes would be 7 856 more bytes
    // of stack.
    vk.verify(b"firmware image", b"", black_box(&*sig)).is_ok()
}

/// The entry point (the reset handler on a real board).
#[unsafe(no_mangle)]
pub extern "C" fn _start() -> ! {
    let mut rng = BoardRng(black_box(0x2545_f491));
    black_box(ml_kem_768(&mut rng));
    black_box(ml_dsa_65(&mut rng));
    // Lives as long as the program: this frame is never left.
    let mut slh_dsa_signature = slh_dsa::Signature::default();
    black_box(slh_dsa_sha2_128s(&mut rng, &mut slh_dsa_signature));
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
