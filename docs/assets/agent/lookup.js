// Quick lookup of answer cards (.yzt-agent-card with data-lookup and, for FAQ cards, data-topics).
// Digits match phone numbers (5852 finds 58520665); words match a card's topics first (its first
// topic is what it is mainly about), then its title, then anything in its lookup text.

function normalise(text) {
  return (text || "").toLowerCase().replace(/[\s\-－—()（）]/g, "");
}

export function findCards(query, cards) {
  const q = normalise(query);
  if (!q) return [];
  const scored = [];
  cards.forEach((card, order) => {
    const topics = (card.dataset.topics || "").split(/\s+/).filter(Boolean);
    const title = normalise(card.querySelector(".yzt-agent-card__title")?.textContent);
    const words = normalise(card.dataset.lookup);
    let score = 0;
    if (/^\d+$/.test(q)) score = words.includes(q) ? 3 : 0;
    else if (topics[0] === q) score = 5;
    else if (topics.includes(q)) score = 4;
    else if (title.startsWith(q)) score = 3;
    else if (title.includes(q)) score = 2;
    else if (words.includes(q)) score = 1;
    if (score) scored.push({ card, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((s) => s.card);
}
