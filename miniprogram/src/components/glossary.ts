/** Words of the reform that villagers meet on these pages, each explained in one plain line. */
export const glossary: Record<string, string> = {
  四议两公开: '村里的大事要走四步：党支部提议、村“两委”商议、党员大会审议、村民（代表）会议决议；然后公开决议，再公开办的结果。',
  答复释疑: '评议中不满意超过规定比例时，村“两委”要书面说明情况、回答大家的疑问，并公布给全村。',
  所属期: '这条公开说的是哪个月或哪个季度的事，比如财务收支是哪个月的账。',
  三会一课: '党支部按时开的支部党员大会、支部委员会会议、党小组会，和按时给党员上的党课。',
  小微权力: '村干部手里管人、管钱、管事的权力，比如村里的工程、集体资产、低保和补贴的评定。',
  权力清单: '村里能办哪些事、按什么依据、谁来办，都列在清单上；清单之外的事村干部无权办。',
}

/** The glossary's words that appear in a text, in the glossary's order. */
export const termsIn = (text: string): string[] => Object.keys(glossary).filter((word) => text.includes(word))
