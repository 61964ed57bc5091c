"""Writes a tiny llama-architecture GGUF with random weights for the llama-server integration test.

Usage: python3 llama-server-tiny-model.py <llama.cpp source dir> <output.gguf>

It uses gguf-py from that llama.cpp source (pure Python; needs numpy). The vocabulary is the 256
byte tokens plus printable ASCII, so the model can say anything, and with random weights what it
says is gibberish by construction: the test proves the protocol, the line checks and the
fallbacks, never the wording. A ChatML chat template lets the server's Jinja engine offer tools.
"""
import sys

import numpy as np

source, output = sys.argv[1], sys.argv[2]
sys.path.insert(0, f"{source}/gguf-py")
import gguf  # noqa: E402  (from the llama.cpp source tree)

EMBED, LAYERS, HEADS, FEED_FORWARD, CONTEXT = 64, 2, 4, 128, 16384
CHAT_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)

tokens = [b"<unk>", b"<s>", b"</s>"] + [f"<0x{value:02X}>".encode() for value in range(256)]
types = [gguf.TokenType.UNKNOWN, gguf.TokenType.CONTROL, gguf.TokenType.CONTROL] + [gguf.TokenType.BYTE] * 256
printable = ["\u2581"] + [chr(code) for code in range(33, 127)]
tokens += [piece.encode() for piece in printable]
types += [gguf.TokenType.NORMAL] * len(printable)
scores = [0.0] * (3 + 256) + [-float(index) for index in range(len(printable))]
vocab = len(tokens)

writer = gguf.GGUFWriter(output, "llama")
writer.add_name("mianba-tiny-random")
writer.add_context_length(CONTEXT)
writer.add_embedding_length(EMBED)
writer.add_block_count(LAYERS)
writer.add_feed_forward_length(FEED_FORWARD)
writer.add_head_count(HEADS)
writer.add_head_count_kv(HEADS)
writer.add_rope_dimension_count(EMBED // HEADS)
writer.add_layer_norm_rms_eps(1e-5)
writer.add_file_type(gguf.LlamaFileType.ALL_F32)
writer.add_tokenizer_model("llama")
writer.add_token_list(tokens)
writer.add_token_scores(scores)
writer.add_token_types(types)
writer.add_bos_token_id(1)
writer.add_eos_token_id(2)
writer.add_unk_token_id(0)
writer.add_add_bos_token(True)
writer.add_chat_template(CHAT_TEMPLATE)

random = np.random.default_rng(11)


def weights(*shape):
    return (random.standard_normal(shape) * 0.02).astype(np.float32)


writer.add_tensor("token_embd.weight", weights(vocab, EMBED))
writer.add_tensor("output_norm.weight", np.ones(EMBED, dtype=np.float32))
writer.add_tensor("output.weight", weights(vocab, EMBED))
for layer in range(LAYERS):
    block = f"blk.{layer}"
    writer.add_tensor(f"{block}.attn_norm.weight", np.ones(EMBED, dtype=np.float32))
    for name in ("attn_q", "attn_k", "attn_v", "attn_output"):
        writer.add_tensor(f"{block}.{name}.weight", weights(EMBED, EMBED))
    writer.add_tensor(f"{block}.ffn_norm.weight", np.ones(EMBED, dtype=np.float32))
    writer.add_tensor(f"{block}.ffn_gate.weight", weights(FEED_FORWARD, EMBED))
    writer.add_tensor(f"{block}.ffn_up.weight", weights(FEED_FORWARD, EMBED))
    writer.add_tensor(f"{block}.ffn_down.weight", weights(EMBED, FEED_FORWARD))

writer.write_header_to_file()
writer.write_kv_data_to_file()
writer.write_tensors_to_file()
writer.close()
