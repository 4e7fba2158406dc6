package nl.loket.knowledge.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Dutch analysis, all from Lucene: standard tokenizer, lower case, accent folding, Dutch stop words, compound
 * splitting against a dictionary of the indexed vocabulary (so "gemeentebelasting" also yields "gemeente" and
 * "belasting"; the whole word is kept), then the Snowball Dutch stemmer (so "aanvragen" and "aanvraag" meet).
 */
public final class DutchTextAnalyzer extends Analyzer {

    /** Compound parts shorter than this are not split off (avoids "ver", "aan" noise). */
    public static final int MIN_SUBWORD = 4;
    private static final int MIN_WORD = 7;
    private static final int MAX_SUBWORD = 20;

    private final CharArraySet stopWords = DutchAnalyzer.getDefaultStopSet();
    private final CharArraySet compoundDictionary;

    /** @param compoundDictionary the compound parts to split off; empty = no compound splitting */
    public DutchTextAnalyzer(CharArraySet compoundDictionary) {
        this.compoundDictionary = compoundDictionary;
    }

    /** Stemming and stop words, no compound splitting (the exact-word fields). */
    public static DutchTextAnalyzer withoutCompounds() {
        return new DutchTextAnalyzer(CharArraySet.EMPTY_SET);
    }

    /** Tokenizer, lower case, folding and stop words only: used to collect the vocabulary for the dictionary. */
    public static Analyzer vocabularyAnalyzer() {
        CharArraySet stop = DutchAnalyzer.getDefaultStopSet();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new ASCIIFoldingFilter(new LowerCaseFilter(source));
                return new TokenStreamComponents(source, new StopFilter(stream, stop));
            }
        };
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(stream, stopWords);
        if (!compoundDictionary.isEmpty()) {
            stream = new DictionaryCompoundWordTokenFilter(stream, compoundDictionary, MIN_WORD, MIN_SUBWORD,
                    MAX_SUBWORD, false);
        }
        stream = new SnowballFilter(stream, new DutchStemmer());
        return new TokenStreamComponents(source, stream);
    }
}
