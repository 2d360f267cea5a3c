// @ts-check
// Recommendation (issue 15): the ratings built-in and its credit, the scenario, and the Model
// build, Evaluation and Application parts of a recommender (www/panels/recommend_*.js).

/** @type {import('./util.js').Catalog} */
export const RECOMMEND = {
  'dataset.ratings': { en: 'Restaurant ratings (1161 ratings, recommendation)', zh: '餐厅评分（1161 条评分，推荐）' },
  'pre.ratingsCredit': {
    en: 'Restaurant ratings from UCI “Restaurant & consumer data” (B. Vargas-Govea, J. G. González-Serna, R. Ponce-Medellín, RecSys’11 CARS workshop; CC BY 4.0). Changed: ratings joined with the restaurant names; only the overall rating kept.',
    zh: '餐厅评分来自 "UCI Restaurant & consumer data"（"B. Vargas-Govea, J. G. González-Serna, R. Ponce-Medellín"，"RecSys’11 CARS" 研讨会；CC BY 4.0）。改动：评分与餐厅名称合并；只保留总体评分。',
  },
  'task.recommendation': { en: 'recommendation', zh: '推荐' },
  'scenario.recommend': { en: 'Recommendation', zh: '推荐系统', both: '推荐系统 Recommendation' },
  'scenario.recommend.blurb': {
    en: 'Matrix factorisation learns a vector per user and per restaurant from 1,161 ratings; their dot product predicts a rating. In a product: “you may also like” on shops, videos and music apps, ranked feeds, and “similar items” beside a product page.',
    zh: '矩阵分解从 1161 条评分里为每个用户、每家餐厅学出一个向量，两者的点积就是预测的评分。在产品里：电商、视频和音乐应用的“猜你喜欢”、信息流排序，以及商品页旁边的“相似商品”。',
  },

  // Model build (www/panels/recommend_build.js).
  'rec.build': { en: 'Recommender', zh: '推荐模型' },
  'rec.buildHint': {
    en: 'Each user and each item gets a learned vector (an embedding); a rating is predicted from the pair.',
    zh: '每个用户、每个物品都学一个向量（嵌入）；评分由这一对向量预测。',
  },
  'rec.user': { en: 'User column', zh: '用户列' },
  'rec.item': { en: 'Item column', zh: '物品列' },
  'rec.title': { en: 'Item name column', zh: '物品名称列' },
  'rec.implicit': { en: 'Implicit feedback (any interaction = 1)', zh: '隐式反馈（有交互即为 1）' },
  'rec.type': { en: 'Model', zh: '模型' },
  'rec.typeHint': { en: 'neural: the two vectors → dense layers', zh: '神经网络：两个向量 → 全连接层' },
  'rec.mf': { en: 'matrix factorisation (mf)', zh: '矩阵分解（mf）' },
  'rec.neural': { en: 'neural (embeddings → dense)', zh: '神经网络（嵌入 → 全连接）' },
  'rec.factors': { en: 'Factors per id', zh: '每个 id 的因子数' },
  'rec.l2': { en: 'L2 on the embeddings', zh: '嵌入的 L2 正则' },
  'rec.summary': {
    en: '{users} users × {items} items, {params} parameters. Ratings: {train} train / {val} validation / {test} test (split per user).',
    zh: '{users} 个用户 × {items} 个物品，共 {params} 个参数。评分：训练 {train} / 验证 {val} / 测试 {test}（按用户划分）。',
  },

  // Evaluation (www/panels/recommend_eval.js).
  'rec.errors': { en: 'Rating errors beside the baselines', zh: '评分误差与基线对比' },
  'rec.ranking': { en: 'Ranking of held-out items', zh: '留出物品的排序' },
  'rec.rankingHint': {
    en: 'For each test user, the items they did not rate in training are ranked; hits are held-out items rated at least the middle of the scale. Popularity ranks the most-liked items first for everyone.',
    zh: '对每个测试用户，把他在训练中没评过的物品排序；命中指留出的、评分不低于量表中点的物品。流行度基线对所有人都按最受欢迎排序。',
  },
  'rec.col.predictor': { en: 'Predictor', zh: '预测方法' },
  'rec.col.ranker': { en: 'Ranking', zh: '排序方法' },
  'rec.col.precision_at_5': { en: 'P@5', zh: '精确率@5' },
  'rec.col.recall_at_5': { en: 'R@5', zh: '召回率@5' },
  'rec.col.ndcg_at_5': { en: 'NDCG@5', zh: 'NDCG@5' },
  'rec.col.precision_at_10': { en: 'P@10', zh: '精确率@10' },
  'rec.col.recall_at_10': { en: 'R@10', zh: '召回率@10' },
  'rec.col.ndcg_at_10': { en: 'NDCG@10', zh: 'NDCG@10' },
  'rec.col.users': { en: 'Users', zh: '用户数' },
  'rec.row.model': { en: 'This model', zh: '本模型' },
  'rec.row.global_mean': { en: 'Global mean', zh: '全局均值' },
  'rec.row.item_mean': { en: 'Item mean', zh: '物品均值' },
  'rec.row.user_item_bias': { en: 'User + item bias', zh: '用户 + 物品偏置' },
  'rec.row.popularity': { en: 'Popularity', zh: '流行度' },
  'rec.beats': {
    en: 'The model’s test RMSE {model} beats the user + item bias baseline’s {bias} by {percent} %.',
    zh: '模型的测试 RMSE {model} 比“用户 + 物品偏置”基线的 {bias} 低 {percent}%。',
  },
  'rec.notBeats': {
    en: 'The model’s test RMSE {model} does not beat the user + item bias baseline’s {bias} ({percent} % worse). With {rows} test ratings and most users rating a handful of restaurants, there is little to learn beyond who rates high and which places are liked; try fewer factors, more L2 or early stopping.',
    zh: '模型的测试 RMSE {model} 没有胜过“用户 + 物品偏置”基线的 {bias}（差 {percent}%）。只有 {rows} 条测试评分，大多数用户只评过几家餐厅，除了“谁打分高、哪家受欢迎”之外可学的东西很少；可以试试更少的因子、更大的 L2 或提前停止。',
  },
  'rec.rankBeats': {
    en: 'Ranking: the model’s NDCG@10 {model} beats recommending the most popular items ({popular}).',
    zh: '排序：模型的 NDCG@10 为 {model}，胜过直接推荐最热门的物品（{popular}）。',
  },
  'rec.rankNotBeats': {
    en: 'Ranking: the model’s NDCG@10 {model} does not beat recommending the most popular items ({popular}). Rating well is not ranking well: a model trained on the ratings people gave never learns which places they skip, and with a few ratings per user, “what everyone likes” is a strong guess.',
    zh: '排序：模型的 NDCG@10 为 {model}，没有胜过直接推荐最热门的物品（{popular}）。评分预测得准不等于排序排得好：只用已有评分训练的模型学不到用户会跳过哪些餐厅；每个用户只有几条评分时，“大家都喜欢的”是很强的猜测。',
  },

  // Application (www/panels/recommend_apply.js).
  'rec.trainFirst': { en: 'Train the recommender first (Training step).', zh: '请先训练推荐模型（模型训练一步）。' },
  'rec.topTitle': { en: 'Top items for a user', zh: '为用户推荐' },
  'rec.pickUser': { en: 'User', zh: '用户' },
  'rec.n': { en: 'How many', zh: '数量' },
  'rec.similarTitle': { en: 'Similar items', zh: '相似物品' },
  'rec.pickItem': { en: 'Item', zh: '物品' },
  'rec.mapTitle': { en: 'Map of the items', zh: '物品地图' },
  'rec.mapHint': {
    en: 'Each dot is an item, placed by the first two principal components of its embedding — a flat shadow of all its factors, so items close by cosine can still land apart. The picked item and its similar ones are named.',
    zh: '每个点是一个物品，位置由其嵌入向量的前两个主成分决定——这只是全部因子投下的一个平面影子，所以按余弦相近的物品在图上也可能离得远。选中的物品和与它相似的物品标出了名称。',
  },
  'rec.mapAria': { en: 'Map of the items’ embeddings', zh: '物品嵌入的地图' },

  // The recommendation lesson (www/lessons.js).
  'tweak.factors4': { en: '4 factors instead of 8', zh: '4 个因子（原来是 8 个）' },
  'lesson.todo.applyUser': { en: 'pick another user', zh: '换一个用户' },
  'lesson.recommend.title': { en: 'Lesson 5: recommending restaurants', zh: '第 5 课：推荐餐厅' },
  'lesson.recommend.1': {
    en: 'Each row is one rating: a user, a restaurant, a rating from 0 to 2. There are no features to read — only who rated what. The split holds out a share of each user’s ratings, so every test user was seen in training.',
    zh: '每一行是一条评分：一个用户、一家餐厅、0 到 2 的评分。没有可读的特征——只有谁给什么打了分。划分时留出每个用户的一部分评分，所以每个测试用户都在训练中出现过。',
  },
  'lesson.recommend.2': {
    en: 'Matrix factorisation: every user and every restaurant gets 8 learned numbers (an embedding). A predicted rating is the global mean + the user’s bias + the restaurant’s bias + the dot product of the two embeddings.',
    zh: '矩阵分解：每个用户、每家餐厅都学 8 个数（嵌入）。预测评分 = 全局均值 + 用户偏置 + 餐厅偏置 + 两个嵌入的点积。',
  },
  'lesson.recommend.3': {
    en: 'Press Train: {train} training ratings, {val} for validation, {test} held out for the test. It trains in a worker of its own, from the lab package, loaded only for this scenario.',
    zh: '点“训练”：{train} 条训练评分，{val} 条验证，{test} 条留作测试。它在自己的后台线程里训练，用的是只为这个场景加载的实验包。',
  },
  'lesson.recommend.4': {
    en: 'First the rating errors beside the baselines a practitioner checks first — above all user + item bias, which knows who rates high and which places are liked. Then the ranking: of the restaurants a test user liked but we held out, how many are in their top 5 and top 10, beside simply recommending the most popular.',
    zh: '先看评分误差与基线的对比——尤其是“用户 + 物品偏置”，它知道谁打分高、哪家受欢迎。再看排序：测试用户喜欢但被留出的餐厅，有多少出现在他的前 5、前 10 名里，并与直接推荐最热门的做对比。',
  },
  'lesson.recommend.decide': {
    en: 'The diagnosis reads the loss curves. With 1,161 ratings a recommender overfits fast: compare the validation curve with the training one, and the test RMSE with the bias baseline. Answer it.',
    zh: '诊断会读损失曲线。只有 1161 条评分，推荐模型很快就会过拟合：对比验证曲线和训练曲线，再把测试 RMSE 和偏置基线比一比。回答它。',
  },
  'lesson.recommend.optimize': {
    en: 'One optimisation step by hand: 4 factors instead of 8 — fewer numbers per id to fit to few ratings — retrained from the same seed and compared on the validation ratings.',
    zh: '手动优化一步：用 4 个因子代替 8 个——评分少，每个 id 要拟合的数就少一些——用同一个随机种子重新训练，在验证评分上比较。',
  },
  'lesson.recommend.apply': {
    en: 'Application: pick a user and see the restaurants they have not rated, best predicted first; pick a restaurant and see its nearest neighbours by embedding, and where it sits on the map of all restaurants.',
    zh: '应用：选一个用户，看他还没评过的餐厅，按预测评分从高到低排列；选一家餐厅，看按嵌入最相近的餐厅，以及它在所有餐厅地图上的位置。',
  },
};
